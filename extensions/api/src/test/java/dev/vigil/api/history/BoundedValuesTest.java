package dev.vigil.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedValuesTest {

    @Test
    void aValueIsCutToItsFeaturesColumn() {
        String language = "en-" + "abcdefgh-".repeat(8);

        assertThat(Feature.LANGUAGE.bounded(language)).hasSize(64).startsWith("en-abcdefgh");
        assertThat(Feature.COUNTRY.bounded("FR")).isEqualTo("FR");
        assertThat(Feature.DEVICE_TYPE.bounded("x".repeat(100))).hasSize(32);
    }

    @Test
    void everyKeptFeatureFitsItsColumn() {
        // VIGIL_SIGN_IN's columns for values kept as they are (META-INF/vigil-privacy/changelog-2026-11-22-history.xml).
        assertThat(Feature.ASN.maxLength()).isLessThanOrEqualTo(16);
        assertThat(Feature.COUNTRY.maxLength()).isLessThanOrEqualTo(8);
        assertThat(Feature.BROWSER.maxLength()).isLessThanOrEqualTo(64);
        assertThat(Feature.OS.maxLength()).isLessThanOrEqualTo(64);
        assertThat(Feature.DEVICE_TYPE.maxLength()).isLessThanOrEqualTo(32);
        assertThat(Feature.LANGUAGE.maxLength()).isLessThanOrEqualTo(64);
        assertThat(Feature.TIME_ZONE.maxLength()).isLessThanOrEqualTo(64);
    }

    @Test
    void placeLabelsAreCutToTheirColumn() {
        assertThat(new Place(null, null, null, "near " + "x".repeat(500)).label()).hasSize(Place.MAX_LABEL);
        assertThat(new Place(null, null, null, null).label()).isNull();
        assertThat(Place.boundedLabel("Firefox 128 on Linux")).isEqualTo("Firefox 128 on Linux");
    }
}
