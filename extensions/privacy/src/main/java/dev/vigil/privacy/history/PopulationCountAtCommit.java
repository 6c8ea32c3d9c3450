package dev.vigil.privacy.history;

import java.sql.Connection;
import java.util.Map;

import jakarta.persistence.EntityManager;

import dev.vigil.api.history.Feature;
import dev.vigil.privacy.store.PopulationCounter;
import org.keycloak.models.AbstractKeycloakTransaction;

/**
 * A recorded sign-in's population counts, added in the login's own transaction just before it commits (Keycloak's
 * prepare phase): counted if and only if the sign-in is stored, and the realm-wide rows every login updates stay
 * locked only from this statement to the commit, not for the rest of the request.
 */
final class PopulationCountAtCommit extends AbstractKeycloakTransaction {

    private final EntityManager em;
    private final String realmId;
    private final String userId;
    private final Map<Feature, String> kept;

    PopulationCountAtCommit(EntityManager em, String realmId, String userId, Map<Feature, String> kept) {
        this.em = em;
        this.realmId = realmId;
        this.userId = userId;
        this.kept = Map.copyOf(kept);
    }

    @Override
    protected void commitImpl() {
        em.runWithConnection((Connection connection) -> PopulationCounter.count(connection, realmId, userId, kept));
    }

    @Override
    protected void rollbackImpl() {
        // Nothing was written: the counts go only with a committed sign-in.
    }
}
