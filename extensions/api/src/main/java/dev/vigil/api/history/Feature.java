package dev.vigil.api.history;

/**
 * What the risk model compares between sign-ins. Values that identify a person or a line (addresses,
 * user agents, fingerprints, cities) are kept only as keyed hashes, since equality is all the model needs;
 * coarse values a person reads in the account console are kept as they are.
 */
public enum Feature {
    IP(true),
    NETWORK(true),
    ASN(false),
    COUNTRY(false),
    CITY(true),
    USER_AGENT(true),
    BROWSER(false),
    OS(false),
    DEVICE_TYPE(false),
    FINGERPRINT(true),
    LANGUAGE(false),
    TIME_ZONE(false);

    private final boolean pseudonymized;

    Feature(boolean pseudonymized) {
        this.pseudonymized = pseudonymized;
    }

    /** Whether stores keep only a keyed hash of the value. */
    public boolean pseudonymized() {
        return pseudonymized;
    }
}
