package dev.vigil.privacy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import dev.vigil.api.history.Feature;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private final Pseudonyms realmA = new Pseudonyms(filled(1));

    @Test
    void equalValuesGiveEqualPseudonymsWithinARealm() {
        assertThat(realmA.of(Feature.IP, "81.2.69.142")).isEqualTo(realmA.of(Feature.IP, "81.2.69.142"))
                .isNotEqualTo(realmA.of(Feature.IP, "81.2.69.143"));
    }

    @Test
    void anotherKeyOrAnotherFeatureGivesAnUnrelatedPseudonym() {
        assertThat(new Pseudonyms(filled(2)).of(Feature.IP, "81.2.69.142")).isNotEqualTo(realmA.of(Feature.IP, "81.2.69.142"));
        assertThat(realmA.of(Feature.NETWORK, "81.2.69.142")).isNotEqualTo(realmA.of(Feature.IP, "81.2.69.142"));
    }

    @Test
    void fitsTheColumnAndRevealsNothingOfTheValue() {
        String pseudonym = realmA.of(Feature.IP, "81.2.69.142");

        assertThat(pseudonym).hasSize(43).doesNotContain("81.2.69.142").matches("[A-Za-z0-9_-]+");
    }

    private static byte[] filled(int value) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) value);
        return secret;
    }
}
