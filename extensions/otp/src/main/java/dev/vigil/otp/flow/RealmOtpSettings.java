package dev.vigil.otp.flow;

import java.util.Optional;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * A realm's OTP settings outside a flow step (phone enrolment): those of the Vigil OTP step in the
 * realm's browser flow, else of the first configured Vigil OTP step of any flow, else the defaults.
 * So the channel and its limits are set in one place.
 */
public final class RealmOtpSettings {

    private RealmOtpSettings() {
    }

    public static OtpConfig of(RealmModel realm) {
        AuthenticationFlowModel browser = realm.getBrowserFlow();
        Optional<AuthenticatorConfigModel> config = browser == null ? Optional.empty() : findIn(realm, browser.getId());
        if (config.isEmpty()) {
            config = realm.getAuthenticationFlowsStream()
                    .map(flow -> findIn(realm, flow.getId()))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        return config.map(OtpConfig::from).orElse(OtpConfig.DEFAULTS);
    }

    private static Optional<AuthenticatorConfigModel> findIn(RealmModel realm, String flowId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .map(execution -> configOf(realm, execution))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<AuthenticatorConfigModel> configOf(RealmModel realm, AuthenticationExecutionModel execution) {
        if (execution.isAuthenticatorFlow()) {
            return findIn(realm, execution.getFlowId());
        }
        if (OtpAuthenticatorFactory.ID.equals(execution.getAuthenticator()) && execution.getAuthenticatorConfig() != null) {
            return Optional.ofNullable(realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig()));
        }
        return Optional.empty();
    }
}
