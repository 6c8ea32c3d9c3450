package dev.vigil.risk.model.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.SignIn;
import org.junit.jupiter.api.Test;

class TargetedAttacksTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void theAttackerKnowsTheVictimsPlaceAndBrowserButNotTheirNetworkNorTheirHours() {
        SignIn victim = signIn("fp-victim", "Firefox", "Linux", "Europe/Stockholm");
        TargetedAttacks attacks = new TargetedAttacks(List.of(victim, signIn("fp-neighbour", "Firefox", "Linux",
                "Europe/Stockholm")), 4);

        List<TargetedAttacks.Attempt> attempts = attacks.on(victim, 0);

        assertThat(attempts).hasSize(4);
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.login().value(Feature.CITY)).isEqualTo("Linköping, SE");
            assertThat(attempt.login().value(Feature.BROWSER)).isEqualTo("Firefox");
            assertThat(attempt.login().value(Feature.ASN)).as("the victim's provider").isEqualTo("AS1");
            assertThat(attempt.login().value(Feature.NETWORK)).isNotEqualTo("net-home");
            assertThat(attempt.login().value(Feature.IP)).isNotEqualTo("ip-home");
            assertThat(attempt.login().value(Feature.FINGERPRINT)).isEqualTo("fp-neighbour");
        });
        assertThat(attempts).extracting(TargetedAttacks.Attempt::at).containsExactly(AT.plus(Duration.ofHours(3)),
                AT.plus(Duration.ofHours(9)), AT.plus(Duration.ofHours(15)), AT.plus(Duration.ofHours(21)));
        assertThat(attempts).extracting(attempt -> attempt.login().value(Feature.NETWORK)).doesNotHaveDuplicates();
    }

    @Test
    void theClosestSetUpLendsTheFingerprintCollisionsIncluded() {
        SignIn victim = signIn("fp-common", "Firefox", "Linux", "Europe/Stockholm");
        SignIn elsewhere = signIn("fp-paris", "Firefox", "Linux", "Europe/Paris");
        SignIn twin = signIn("fp-common", "Firefox", "Linux", "Europe/Stockholm");
        SignIn otherBrowser = signIn("fp-chrome", "Chrome", "Linux", "Europe/Stockholm");

        assertThat(new TargetedAttacks(List.of(victim, elsewhere, twin, otherBrowser), 1).on(victim, 0))
                .extracting(attempt -> attempt.login().value(Feature.FINGERPRINT))
                .as("a neighbour with the same set-up, whose fingerprint is the victim's").containsExactly("fp-common");
        assertThat(new TargetedAttacks(List.of(victim, otherBrowser, elsewhere), 1).on(victim, 0))
                .extracting(attempt -> attempt.login().value(Feature.FINGERPRINT))
                .as("no neighbour: the same set-up elsewhere").containsExactly("fp-paris");
        assertThat(new TargetedAttacks(List.of(victim, otherBrowser), 1).on(victim, 0))
                .extracting(attempt -> attempt.login().value(Feature.FINGERPRINT))
                .as("no same set-up: the same OS").containsExactly("fp-chrome");
        assertThat(new TargetedAttacks(List.of(victim), 1).on(victim, 0))
                .extracting(attempt -> attempt.login().value(Feature.FINGERPRINT))
                .as("never the victim's own").singleElement().asString().startsWith("simulated-");
    }

    private static SignIn signIn(String fingerprint, String browser, String os, String zone) {
        Map<Feature, String> values = new EnumMap<>(Feature.class);
        values.put(Feature.IP, "ip-home");
        values.put(Feature.NETWORK, "net-home");
        values.put(Feature.ASN, "AS1");
        values.put(Feature.CITY, "Linköping, SE");
        values.put(Feature.BROWSER, browser);
        values.put(Feature.OS, os);
        values.put(Feature.DEVICE_TYPE, "desktop");
        values.put(Feature.TIME_ZONE, zone);
        values.put(Feature.LANGUAGE, "sv-SE");
        values.put(Feature.FINGERPRINT, fingerprint);
        return new SignIn(null, AT, values, null, browser + " on " + os, "LOW", 1.0, List.of(), SignIn.Outcome.ALLOWED);
    }
}
