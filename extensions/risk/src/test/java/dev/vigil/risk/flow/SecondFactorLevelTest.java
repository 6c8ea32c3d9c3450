package dev.vigil.risk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecondFactorLevelTest {

    @Test
    void aLoginNobodyAskedALevelOfMustReachTheCodesLevel() {
        assertThat(SecondFactorLevel.raise(null)).isEqualTo(2);
    }

    @Test
    void aPasswordLevelRequestedByTheSiteIsRaisedToTheCode() {
        assertThat(SecondFactorLevel.raise("1")).isEqualTo(2);
        assertThat(SecondFactorLevel.raise("0")).isEqualTo(2);
        assertThat(SecondFactorLevel.raise("-1")).isEqualTo(2);
    }

    @Test
    void aHigherLevelRequestedByTheSiteIsKept() {
        assertThat(SecondFactorLevel.raise("3")).isEqualTo(3);
    }

    @Test
    void aNoteThatIsNoNumberCountsAsNoRequest() {
        assertThat(SecondFactorLevel.raise("gold")).isEqualTo(2);
        assertThat(SecondFactorLevel.raise(" 2 ")).isEqualTo(2);
    }
}
