package dev.vigil.it;

import dev.vigil.it.support.RelyingPartySite;
import dev.vigil.it.support.SiteClient;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A relying-party site started for a test class (a static {@code @RegisterExtension} field) as the demo realm's
 * {@code demo-site} client, whose redirect and back-channel logout URLs are moved to the site's address while it runs;
 * after the class, the client is put back and the site stopped.
 */
final class DemoSite<S extends RelyingPartySite> implements BeforeAllCallback, AfterAllCallback {

    private final RelyingPartySite.Starter<S> starter;
    private S site;
    private SiteClient registration;

    private DemoSite(RelyingPartySite.Starter<S> starter) {
        this.starter = starter;
    }

    static <S extends RelyingPartySite> DemoSite<S> startedBy(RelyingPartySite.Starter<S> starter) {
        return new DemoSite<>(starter);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        VigilServer server = VigilServerExtension.server(context);
        site = starter.start(server.realmUri(DemoRealm.REALM), DemoRealm.SITE_CLIENT, DemoRealm.SITE_SECRET);
        registration = SiteClient.moveTo(server, DemoRealm.REALM, DemoRealm.SITE_CLIENT, site.uri("/"));
    }

    S site() {
        return site;
    }

    SiteClient registration() {
        return registration;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (registration != null) {
                registration.close();
            }
        } finally {
            if (site != null) {
                site.close();
            }
        }
    }
}
