package dev.vigil.api.history;

/**
 * What the risk model compares between sign-ins. Values that identify a person or a line (addresses,
 * user agents, fingerprints, cities) are kept only as keyed hashes, since equality is all the model needs;
 * coarse values a person reads in the account console are kept as they are.
 */
public enum Feature {
    IP(true, 64),
    NETWORK(true, 64),
    ASN(false, 16),
    COUNTRY(false, 8),
    CITY(true, 128),
    USER_AGENT(true, 512),
    BROWSER(false, 64),
    OS(false, 64),
    DEVICE_TYPE(false, 32),
    FINGERPRINT(true, 64),
    LANGUAGE(false, 64),
    TIME_ZONE(false, 64);

    private final boolean pseudonymized;
    private final int maxLength;

    /**
     * @param maxLength longest value read from a request: a kept value's column size; for a pseudonymized one, a
     *                  bound on what is hashed (every hash has the same length)
     */
    Feature(boolean pseudonymized, int maxLength) {
        this.pseudonymized = pseudonymized;
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The value cut to {@link #maxLength()}, so that no request can make it too long for its column. */
    public String bounded(String value) {
        return value.length() <= maxLength ? value : value.substring(0, maxLength);
    }

    /** Whether stores keep only a keyed hash of the value. */
    public boolean pseudonymized() {
        return pseudonymized;
    }
}
