package dev.vigil.risk.calibration.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A realm's latest threshold calibration: aggregates only (thresholds, rates, sample sizes), nothing about any user,
 * so erasing a user leaves it as it is; it goes with the realm.
 */
@Entity
@Table(name = "VIGIL_RISK_CALIBRATION")
@NamedQueries({
        @NamedQuery(name = CalibrationEntity.DELETE_BY_REALM,
                query = "delete from CalibrationEntity c where c.realmId = :realmId")
})
public class CalibrationEntity {

    static final String DELETE_BY_REALM = "vigilRiskCalibration.deleteByRealm";

    @Id
    @Column(name = "REALM_ID", length = 36)
    String realmId;
    @Column(name = "TARGET", length = 64, nullable = false)
    String target;
    /** Null for a row stored before the column existed. */
    @Column(name = "SETTINGS_STAMP", length = 64)
    String settingsStamp;
    @Column(name = "MEDIUM_THRESHOLD", nullable = false)
    double mediumThreshold;
    @Column(name = "HIGH_THRESHOLD", nullable = false)
    double highThreshold;
    /** Null when there was no sample to measure it on. */
    @Column(name = "ATTACKS_CAUGHT")
    Double attacksCaught;
    @Column(name = "LEGITIMATE_STEPPED_UP")
    Double legitimateSteppedUp;
    @Column(name = "SAMPLE_USERS", nullable = false)
    int sampleUsers;
    @Column(name = "LEGITIMATE_LOGINS", nullable = false)
    int legitimateLogins;
    @Column(name = "ATTACKS", nullable = false)
    int attacks;
    /** Epoch milliseconds. */
    @Column(name = "COMPUTED_AT", nullable = false)
    long computedAt;
    @Column(name = "DURATION_MS", nullable = false)
    long durationMillis;
    @Column(name = "FALLBACK", length = 64)
    String fallback;
}
