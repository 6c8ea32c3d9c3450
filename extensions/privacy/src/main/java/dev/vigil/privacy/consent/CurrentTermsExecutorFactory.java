package dev.vigil.privacy.consent;

import java.time.Clock;
import java.util.List;

import dev.vigil.api.provider.StatelessFactory;
import dev.vigil.privacy.store.ConsentStore;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/**
 * Client-policy executor "vigil-current-terms": put it in a client profile, and a client policy (condition
 * any-client) on that profile, in every realm that uses the Vigil consent step.
 */
public class CurrentTermsExecutorFactory implements ClientPolicyExecutorProviderFactory,
        StatelessFactory<ClientPolicyExecutorProvider> {

    public static final String ID = "vigil-current-terms";

    private final Clock clock = Clock.systemUTC();
    private final ConsentStores stores = session -> ConsentStore.of(session, clock);

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new CurrentTermsExecutor(session, stores);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Vigil: refuses a refresh (online or offline) or a token exchange for a client that requires consent"
                + " while the user has not accepted the realm's current terms; the user accepts them in a new sign-in.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
