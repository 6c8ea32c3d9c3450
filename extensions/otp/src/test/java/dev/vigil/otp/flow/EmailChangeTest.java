package dev.vigil.otp.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailChangeTest {

    @Test
    void anotherMailboxIsAChange() {
        assertThat(EmailChange.changes("alice@example.com", "mallory@example.org")).isTrue();
    }

    @Test
    void theSameAddressInOtherCaseOrWithSpacesIsNot() {
        assertThat(EmailChange.changes("alice@example.com", " Alice@Example.COM ")).isFalse();
    }

    @Test
    void anAddressNotMentionedIsNoChange() {
        assertThat(EmailChange.changes("alice@example.com", null)).isFalse();
    }

    @Test
    void blankingASetAddressIsAChangeButBlankForNoneIsNot() {
        assertThat(EmailChange.changes("alice@example.com", "")).isTrue();
        assertThat(EmailChange.changes(null, " ")).isFalse();
    }

    @Test
    void aFirstAddressIsAChange() {
        assertThat(EmailChange.changes(null, "alice@example.com")).isTrue();
    }
}
