package dev.vigil.api.history;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * The sign-in history the risk model learns from, kept under the realm's privacy rules: what the realm
 * does not collect is dropped, identifying values are pseudonymized with the realm's key, nothing is
 * recorded for a user whose processing is restricted or who holds no current consent, and everything ends
 * with its retention period.
 */
public interface SignInHistoryProvider extends Provider {

    /**
     * Most sign-ins kept per user: recording one more deletes the oldest beyond it, so a user's rows stay bounded
     * however often they sign in. It is also the longest history the risk step may be set to read.
     */
    int MAX_SIGN_INS_PER_USER = 1000;

    /** Whether the realm collects this feature at all; a feature it does not collect must not be read. */
    boolean collects(RealmModel realm, Feature feature);

    /** Whether the user asked for (or an admin set) restriction of processing: no scoring, nothing recorded. */
    boolean processingRestricted(RealmModel realm, UserModel user);

    /**
     * Records a successful or scored sign-in from raw values; empty when nothing was recorded, as for a user whose
     * processing is restricted or who holds no consent to the realm's current terms (the login is then scored from
     * what is already known, and nothing derived from it, such as a remembered-device cookie, may be kept).
     */
    Optional<SignIn> record(RealmModel realm, UserModel user, SignIn observed);

    /** The user's most recent sign-ins, newest first, as stored. */
    List<SignIn> recent(RealmModel realm, UserModel user, int limit);

    /** How common each of these stored values is in the realm, with the realm's totals. */
    PopulationCounts population(RealmModel realm, Map<Feature, String> storedValues);

    /** The device a recorded sign-in came from, if the store could tell one. */
    Optional<String> deviceOf(RealmModel realm, UserModel user, String signInId);

    /** Whether the user still has this device: false once they (or retention) forgot it. */
    boolean knowsDevice(RealmModel realm, UserModel user, String deviceId);

    /** How long a remembered device stays remembered without being used, under the realm's retention rules. */
    Duration rememberedDeviceLifetime(RealmModel realm);

    /**
     * Users with recorded sign-ins, by id in ascending order, after {@code afterUserId} (null: from the first), at
     * most {@code limit}: the pages a realm-wide reader (the risk calibration) walks with bounded memory.
     */
    List<String> usersWithHistory(RealmModel realm, String afterUserId, int limit);

    /** The user's most recent sign-ins, newest first, as stored, by the user's id (no user lookup). */
    List<SignIn> recent(RealmModel realm, String userId, int limit);

    /** The realm's totals: sign-ins, users, and distinct values of every feature ({@code matching} is empty). */
    PopulationCounts populationTotals(RealmModel realm);

    /** How many recorded sign-ins had each of these stored values of one feature; a value never seen is absent. */
    Map<String, Long> populationCounts(RealmModel realm, Feature feature, Collection<String> storedValues);

    /** The value as the store keeps it (a keyed hash for pseudonymized features), to compare a live value. */
    String stored(RealmModel realm, Feature feature, String rawValue);

    @Override
    default void close() {
    }
}
