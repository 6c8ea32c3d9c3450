package dev.vigil.privacy.store;

/**
 * Entities a query reads only to map them: loaded read-only, Hibernate keeps no snapshot of them and never
 * dirty-checks them when the login's transaction flushes.
 */
final class ReadOnlyRows {

    /** Hibernate's {@code HibernateHints.HINT_READ_ONLY}, by name: Hibernate is not on this module's compile path. */
    static final String HINT = "org.hibernate.readOnly";

    private ReadOnlyRows() {
    }
}
