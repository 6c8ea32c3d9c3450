package dev.vigil.risk.signal;


import dev.vigil.risk.history.FailedLogins;
import dev.vigil.risk.model.PolicySettings;
import org.keycloak.models.UserLoginFailureModel;

/**
 * Failed-login velocity: the user's recent failures (Keycloak's brute-force records, when the realm detects
 * brute force) and the failures from the client's address, any user, in the last hour.
 */
final class FailedLoginsSignal implements RiskSignal {

    @Override
    public void observe(LoginContext login, Evidence evidence) {
        PolicySettings policy = login.config().policy();
        UserLoginFailureModel failures = login.session().loginFailures().getUserLoginFailure(login.realm(), login.user().getId());
        long since = login.now().minus(FailedLogins.WINDOW).toEpochMilli();
        int forUser = failures != null && failures.getLastFailure() >= since ? failures.getNumFailures() : 0;
        int fromAddress = login.clientAddress()
                .map(address -> new FailedLogins(login.session(), login.realm()).recent(address, policy.failedLoginsIpLimit()))
                .orElse(0);
        evidence.recentFailures(forUser, fromAddress);
    }
}
