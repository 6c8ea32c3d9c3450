package dev.vigil.bench.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The terms version and purposes of the demo realm's consent step, as a consent record stores them. */
record SeedTerms(String version, String purposes) {

    static SeedTerms of(Path demoRealm) {
        JsonNode realm;
        try {
            realm = new ObjectMapper().readTree(demoRealm.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + demoRealm, e);
        }
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if ("vigil terms".equals(config.path("alias").asText())) {
                JsonNode terms = config.path("config");
                // The step's setting lists purposes with Keycloak's "##"; a consent record joins them with spaces.
                return new SeedTerms(terms.path("termsVersion").asText(),
                        String.join(" ", terms.path("purposes").asText().split("##")));
            }
        }
        throw new IllegalStateException("no 'vigil terms' settings in " + demoRealm);
    }
}
