package dev.vigil.it;

import dev.vigil.it.support.RelyingPartySite;
import dev.vigil.it.support.SiteClient;
import dev.vigil.it.support.VigilServer;

/**
 * A relying-party site started for a test class as the demo realm's {@code demo-site} client, whose redirect and
 * back-channel logout URLs are moved to the site's address while it runs; closing puts the client back and stops
 * the site.
 */
final class DemoSite<S extends RelyingPartySite> implements AutoCloseable {

    private final S site;
    private final SiteClient registration;

    private DemoSite(S site, SiteClient registration) {
        this.site = site;
        this.registration = registration;
    }

    static <S extends RelyingPartySite> DemoSite<S> start(VigilServer server, RelyingPartySite.Starter<S> starter) {
        S site = starter.start(server.realmUri(DemoRealm.REALM), DemoRealm.SITE_CLIENT, DemoRealm.SITE_SECRET);
        try {
            return new DemoSite<>(site, SiteClient.moveTo(server, DemoRealm.REALM, DemoRealm.SITE_CLIENT, site.uri("/")));
        } catch (RuntimeException | Error e) {
            site.close();
            throw e;
        }
    }

    S site() {
        return site;
    }

    SiteClient registration() {
        return registration;
    }

    @Override
    public void close() {
        try {
            registration.close();
        } finally {
            site.close();
        }
    }
}
