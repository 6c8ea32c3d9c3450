package dev.vigil.privacy.rest;

import java.time.Clock;

import dev.vigil.api.provider.StatelessFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts {@link PrivacyAdminResource} at {@code /admin/realms/{realm}/vigil-privacy}, on Keycloak's admin API: it
 * authenticates the administrator, hands over their permissions and the admin event builder.
 */
public class PrivacyAdminResourceProviderFactory implements AdminRealmResourceProviderFactory,
        StatelessFactory<AdminRealmResourceProvider> {

    public static final String ID = "vigil-privacy";

    private final Clock clock = Clock.systemUTC();

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession requestSession, RealmModel realm, AdminPermissionEvaluator auth,
                                      AdminEventBuilder adminEvent) {
                return new PrivacyAdminResource(requestSession, realm, new AdminAccess(auth), adminEvent, clock);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return ID;
    }
}
