package dev.vigil.otp.account;

import java.io.IOException;
import java.util.regex.Matcher;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import dev.vigil.otp.credential.PhoneCredentialModel;
import dev.vigil.otp.flow.OtpEvents;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * Refuses Keycloak's deprecated account REST calls on a {@code vigil-phone} credential: {@code DELETE
 * .../account/credentials/{id}} (also as {@code vigil-phone-id}, Keycloak's "every credential of the type") and
 * {@code PUT .../credentials/{id}/label}. They take any token with {@code manage-account}, one from the password alone
 * included, and no sign-in step can ask a code there; the phone is removed through {@code kc_action=delete_credential},
 * which does. Keycloak's own guard for them, the level of authentication its LoA conditions map to a credential type,
 * never asks for it in Vigil's flows, which step up by risk. Other credentials are left to Keycloak.
 * Like {@code SettingsSaveFilter}, a JAX-RS filter in the provider jar, run after the route is matched.
 */
@Provider
public class PhoneCredentialRestFilter implements ContainerRequestFilter {

    static final String MESSAGE = "vigilPhoneChangeNeedsCode";
    private static final String TYPE_SHORTHAND = PhoneCredentialModel.TYPE + "-id";

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Matcher credential = AccountPaths.match(AccountPaths.CREDENTIAL, request);
        if (!credential.find()) {
            return;
        }
        boolean label = credential.group(3) != null;
        String method = request.getMethod();
        if (label ? !HttpMethod.PUT.equals(method) : !HttpMethod.DELETE.equals(method)) {
            return;
        }
        String id = credential.group(2);
        AccountRequest account = AccountRequest.of(credential.group(1)).filter(caller -> isPhone(caller.user(), id)).orElse(null);
        if (account != null) {
            OtpEvents.phoneChangeRefused(account.event(label ? EventType.UPDATE_CREDENTIAL : EventType.REMOVE_CREDENTIAL), account.user());
            account.refuse(request, label ? "relabelling the phone" : "removing the phone", MESSAGE);
        }
    }

    private static boolean isPhone(UserModel user, String id) {
        if (TYPE_SHORTHAND.equals(id)) {
            return true;
        }
        CredentialModel stored = user.credentialManager().getStoredCredentialById(id);
        return stored != null && PhoneCredentialModel.TYPE.equals(stored.getType());
    }
}
