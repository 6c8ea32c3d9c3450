package dev.vigil.privacy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One realm-wide counter: how many recorded sign-ins had a feature value (the value as the history keeps it,
 * so a keyed hash for identifying features), or one of the realm's totals. No user is named here: these are
 * the aggregates that let the risk model read "how common is this value" in constant time.
 */
@Entity
@Table(name = "VIGIL_POPULATION")
@IdClass(PopulationCountKey.class)
@NamedQueries({
        @NamedQuery(name = PopulationCountEntity.DELETE_BY_REALM,
                query = "delete from PopulationCountEntity p where p.realmId = :realmId"),
        @NamedQuery(name = PopulationCountEntity.DELETE_ONE,
                query = "delete from PopulationCountEntity p where p.realmId = :realmId and p.counter = :counter"
                        + " and p.valueKey = :valueKey")
})
public class PopulationCountEntity {

    static final String DELETE_BY_REALM = "vigilPopulation.deleteByRealm";
    static final String DELETE_ONE = "vigilPopulation.deleteOne";

    @Id
    @Column(name = "REALM_ID", length = 36)
    String realmId;
    /** A feature name, a total's name, or {@link PopulationStore#USER}. */
    @Id
    @Column(name = "COUNTER", length = 40)
    String counter;
    @Id
    @Column(name = "VALUE_KEY", length = 255)
    String valueKey;
    @Column(name = "N", nullable = false)
    long count;
}
