package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.VigilServer;
import org.junit.jupiter.api.Test;

/**
 * The same pre-built distribution runs on JDK 25 (the machine's Temurin 25), not only on the default
 * JDK 17: a second server starts on it, with its own ports and database, and alice signs in.
 */
class Jdk25ServerIT {

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    @Test
    void vigilStartsAndSignsAliceInOnJdk25() {
        Path jdk = jdk25().orElseThrow(() -> new AssertionError(
                "no JDK 25 found under /usr/lib/jvm (or -Dvigil.it.jdk25.home); Vigil must be tested on it"));

        try (VigilServer server = VigilServer.on("jdk25", jdk).start()) {
            assertThat(server.logText()).contains("Keycloak 26.7.3");
            OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM),
                    DemoRealm.PUBLIC_CLIENT, URI.create("http://127.0.0.1:53682/callback"));
            Attempt attempt = app.begin();
            HttpSession browser = new HttpSession();
            Page back = LoginJourney.signInCompletely(browser, attempt.authorizationUri(), DemoRealm.alice(), new Outbox(server));

            assertThat(app.finish(attempt, back.location()).idToken().getSubject()).isNotNull();
        }
    }

    private static Optional<Path> jdk25() {
        String configured = System.getProperty("vigil.it.jdk25.home");
        if (configured != null) {
            return Optional.of(Path.of(configured));
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> featureVersion(jdk) == 25).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureVersion(Path jdk) {
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(jdk.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
