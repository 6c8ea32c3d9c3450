package dev.vigil.privacy.consent;

import dev.vigil.privacy.store.ConsentStore;
import org.keycloak.models.KeycloakSession;

/** The consent store of a Keycloak session: a seam, so that the steps can be tested without a database. */
@FunctionalInterface
interface ConsentStores {

    ConsentStore of(KeycloakSession session);
}
