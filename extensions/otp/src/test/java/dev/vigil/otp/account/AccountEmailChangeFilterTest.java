package dev.vigil.otp.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class AccountEmailChangeFilterTest {

    @Test
    void theEmailFieldAndEveryEmailAttributeValueAreProposals() {
        assertThat(proposed("{\"email\":\"a@example.com\",\"attributes\":{\"email\":[\"b@example.com\",\"c@example.com\"]}}"))
                .containsExactly("a@example.com", "b@example.com", "c@example.com");
    }

    @Test
    void anEmailAttributeGivenAsOneStringIsOneToo() {
        assertThat(proposed("{\"attributes\":{\"email\":\"b@example.com\"}}")).containsExactly("b@example.com");
    }

    @Test
    void aJsonNullIsABlankProposal() {
        assertThat(proposed("{\"email\":null}")).containsExactly("");
    }

    @Test
    void aBodyWithoutEmailOrUnreadableProposesNothing() {
        assertThat(proposed("{\"firstName\":\"Alice\",\"attributes\":{\"locale\":[\"fr\"]}}")).isEmpty();
        assertThat(proposed("{not json")).isEmpty();
        assertThat(proposed("[\"email\"]")).isEmpty();
        assertThat(proposed("")).isEmpty();
    }

    private static List<String> proposed(String body) {
        return AccountEmailChangeFilter.proposedEmails(body.getBytes(StandardCharsets.UTF_8));
    }
}
