package dev.vigil.bench.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SeedTermsTest {

    @Test
    void readsTheDemoRealmsTermsAsAConsentRecordKeepsThem() {
        SeedTerms terms = SeedTerms.of(Path.of("../realm-config/vigil-demo-realm.json"));

        assertThat(terms.version()).isEqualTo("2026-11-22");
        assertThat(terms.purposes()).isEqualTo("account-security risk-scoring");
    }

    @Test
    void labelsRealmSizesInThousands() {
        assertThat(SeededDatabase.label(100_000)).isEqualTo("100k");
        assertThat(SeededDatabase.label(1_000)).isEqualTo("1k");
        assertThat(SeededDatabase.label(1_500)).isEqualTo("1500");
    }
}
