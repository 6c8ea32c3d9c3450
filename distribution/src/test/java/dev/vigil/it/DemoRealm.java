package dev.vigil.it;

import dev.vigil.it.support.FreshUser;

/** The demo realm's names and documented passwords (realm-config/vigil-demo-realm.json, README). */
final class DemoRealm {

    static final String REALM = "vigil-demo";
    static final String PUBLIC_CLIENT = "demo-app";
    static final String SITE_CLIENT = "demo-site";
    static final String SITE_SECRET = "demo-site-secret";
    static final String ALICE = "alice";
    static final String ALICE_PASSWORD = "alice-demo-2026";

    /** alice as a test signs her in (her id is not needed: she is found by name). */
    static FreshUser alice() {
        return new FreshUser(null, ALICE, ALICE_PASSWORD);
    }

    private DemoRealm() {
    }
}
