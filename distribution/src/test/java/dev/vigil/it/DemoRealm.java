package dev.vigil.it;

/** The demo realm's names and documented passwords (realm-config/vigil-demo-realm.json, README). */
final class DemoRealm {

    static final String REALM = "vigil-demo";
    static final String PUBLIC_CLIENT = "demo-app";
    static final String SITE_CLIENT = "demo-site";
    static final String SITE_SECRET = "demo-site-secret";
    static final String ALICE = "alice";
    static final String ALICE_PASSWORD = "alice-demo-2026";

    private DemoRealm() {
    }
}
