package dev.vigil.it.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Moves a realm's client to the free port of a site a test started, as if the site ran where the realm expects it:
 * the site's pages are added to its redirect URIs (and so to its post-logout redirect URIs, "+"), and its back-channel
 * logout URL, when it has one, keeps its path and query but points at the site's host and port. {@link #close()} puts
 * the client back as it was (with a new admin token: the site may have run longer than one lives).
 */
public final class SiteClient implements AutoCloseable {

    static final String BACK_CHANNEL_LOGOUT_URL = "backchannel.logout.url";

    private final VigilServer server;
    private final String path;
    private final JsonNode original;
    private final Optional<URI> backChannelLogoutUrl;

    private SiteClient(VigilServer server, String path, JsonNode original, Optional<URI> backChannelLogoutUrl) {
        this.server = server;
        this.path = path;
        this.original = original;
        this.backChannelLogoutUrl = backChannelLogoutUrl;
    }

    public static SiteClient moveTo(VigilServer server, String realm, String clientId, URI siteRoot) {
        AdminApi admin = new AdminApi(server);
        JsonNode found = admin.get("/realms/" + realm + "/clients?clientId=" + clientId);
        if (found.size() != 1) {
            throw new AssertionError("no client " + clientId + " in " + realm + ": " + found);
        }
        JsonNode original = found.get(0);
        String path = "/realms/" + realm + "/clients/" + original.path("id").asText();
        ObjectNode changed = original.deepCopy();
        ((ArrayNode) changed.path("redirectUris")).add(siteRoot.resolve("/*").toString());
        ObjectNode attributes = (ObjectNode) changed.path("attributes");
        Optional<URI> backChannel = Optional.ofNullable(attributes.get(BACK_CHANNEL_LOGOUT_URL))
                .map(JsonNode::asText).filter(url -> !url.isBlank())
                .map(url -> onTheSite(URI.create(url), siteRoot));
        backChannel.ifPresent(url -> attributes.put(BACK_CHANNEL_LOGOUT_URL, url.toString()));
        AdminApi.expect(204, admin.put(path, changed));
        return new SiteClient(server, path, original, backChannel);
    }

    private static URI onTheSite(URI configured, URI site) {
        try {
            return new URI(site.getScheme(), site.getRawAuthority(), configured.getPath(), configured.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(configured.toString(), e);
        }
    }

    /** The client's back-channel logout URL, now on the site; empty when the realm gives the client none. */
    public Optional<URI> backChannelLogoutUrl() {
        return backChannelLogoutUrl;
    }

    @Override
    public void close() {
        AdminApi.expect(204, new AdminApi(server).put(path, original));
    }
}
