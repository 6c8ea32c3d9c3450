package dev.vigil.risk.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuthenticationRiskTest {

    @Nested
    class WhatATokenClaims {

        @Test
        void theLevelOfAnAssessedAuthentication() {
            assertThat(AuthenticationRisk.of(false, "LOW", "")).hasValueSatisfying(risk -> {
                assertThat(risk.level()).isEqualTo("LOW");
                assertThat(risk.steppedUp()).isFalse();
            });
        }

        @Test
        void nothingForASingleSignOnWhateverAnEarlierAuthenticationLeft() {
            assertThat(AuthenticationRisk.of(true, "MEDIUM", "MEDIUM")).isEmpty();
        }

        @Test
        void nothingWhenNoRiskStepRan() {
            assertThat(AuthenticationRisk.of(false, null, null)).isEmpty();
            assertThat(AuthenticationRisk.of(false, "", null)).isEmpty();
        }

        @Test
        void anEmptiedStepUpNoteIsNoStepUp() {
            assertThat(AuthenticationRisk.of(false, "LOW", "")).map(AuthenticationRisk::steppedUp).contains(false);
            assertThat(AuthenticationRisk.of(false, "MEDIUM", "MEDIUM")).map(AuthenticationRisk::steppedUp).contains(true);
        }
    }

    @Nested
    class Acr {

        private final AuthenticationRisk steppedUp = new AuthenticationRisk("MEDIUM", true);
        private final AuthenticationRisk passwordOnly = new AuthenticationRisk("LOW", false);

        @Test
        void isRaisedFromAPasswordToTwoAfterAStepUp() {
            assertThat(steppedUp.acr("1", true)).isEqualTo("2");
        }

        @Test
        void staysAsKeycloakSaidWithoutAStepUpOrWhenRaisingIsOff() {
            assertThat(passwordOnly.acr("1", true)).isEqualTo("1");
            assertThat(steppedUp.acr("1", false)).isEqualTo("1");
        }

        @Test
        void isNeverRaisedFromAnotherValue() {
            assertThat(steppedUp.acr("0", true)).isEqualTo("0");
            assertThat(steppedUp.acr("gold", true)).isEqualTo("gold");
        }
    }
}
