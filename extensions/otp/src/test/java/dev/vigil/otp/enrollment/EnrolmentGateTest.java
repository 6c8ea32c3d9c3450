package dev.vigil.otp.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EnrolmentGateTest {

    private static List<String> levels(String thisLogin, String ssoSession) {
        return Arrays.asList(thisLogin, ssoSession);
    }

    @Nested
    class ForAUserWhoAlreadyHasAFactor {

        @Test
        void thePasswordAloneAtLowMustFirstProveThatFactor() {
            assertThat(EnrolmentGate.decide(levels("LOW", null), true, false)).isEqualTo(EnrolmentGate.PROVE_EXISTING_FACTOR);
        }

        @Test
        void aFreshCodeToItInThisAuthenticationAllowsTheChange() {
            EnrolmentGate gate = EnrolmentGate.decide(levels("MEDIUM", null), true, true);

            assertThat(gate).isEqualTo(EnrolmentGate.ALLOWED_AFTER_PROOF);
            assertThat(gate.basis()).isEqualTo("second_factor");
        }

        @Test
        void anSsoSessionWithoutAnyLevelStillNeedsTheProof() {
            assertThat(EnrolmentGate.decide(levels(null, null), true, false)).isEqualTo(EnrolmentGate.PROVE_EXISTING_FACTOR);
        }
    }

    @Nested
    class ForAUserWithoutAnyFactor {

        @Test
        void aFirstPhoneIsAllowedAtLowWithThatReason() {
            EnrolmentGate gate = EnrolmentGate.decide(levels("LOW", "LOW"), false, false);

            assertThat(gate).isEqualTo(EnrolmentGate.ALLOWED_AT_LOW_RISK);
            assertThat(gate.basis()).isEqualTo("low_risk");
        }

        @Test
        void aMediumStepUpIsNotPassedByEnrolling() {
            assertThat(EnrolmentGate.decide(levels("MEDIUM", null), false, false)).isEqualTo(EnrolmentGate.REFUSED_NO_FACTOR);
        }

        @Test
        void noLevelAtAllIsNotLow() {
            assertThat(EnrolmentGate.decide(levels(null, null), false, false)).isEqualTo(EnrolmentGate.REFUSED_NO_FACTOR);
            assertThat(EnrolmentGate.decide(levels("low", "unknown"), false, false)).isEqualTo(EnrolmentGate.REFUSED_NO_FACTOR);
        }

        @Test
        void aLowLoginInAnSsoSessionOnceMediumIsNotLow() {
            assertThat(EnrolmentGate.decide(levels("LOW", "MEDIUM"), false, false)).isEqualTo(EnrolmentGate.REFUSED_NO_FACTOR);
        }
    }

    @Test
    void highInThisLoginOrAnywhereInTheSsoSessionRefusesEvenAfterAProof() {
        assertThat(EnrolmentGate.decide(levels("HIGH", null), true, true)).isEqualTo(EnrolmentGate.REFUSED_HIGH_RISK);
        assertThat(EnrolmentGate.decide(levels(null, "HIGH"), true, true)).isEqualTo(EnrolmentGate.REFUSED_HIGH_RISK);
        assertThat(EnrolmentGate.decide(levels("LOW", "HIGH"), false, false)).isEqualTo(EnrolmentGate.REFUSED_HIGH_RISK);
        assertThat(EnrolmentGate.REFUSED_HIGH_RISK.basis()).isNull();
    }
}
