package dev.vigil.otp.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private static final Set<String> DEFAULT = Set.copyOf(Countries.DEFAULT_ALLOWED);

    @ParameterizedTest
    @CsvSource({
            "'+33 6 12 34 56 78', '', +33612345678, FR",
            "'06 12 34 56 78', FR, +33612345678, FR",
            "'0151 23456789', de, +4915123456789, DE",
            "'(201) 555-0123', US, +12015550123, US"
    })
    void normalisesToE164(String typed, String region, String e164, String country) {
        PhoneCheck check = PhoneNumbers.check(typed, region, DEFAULT);

        assertThat(check.isAccepted()).isTrue();
        assertThat(check.e164()).isEqualTo(e164);
        assertThat(check.region()).isEqualTo(country);
    }

    @ParameterizedTest
    @CsvSource({
            "'06 12 34 56 78', '', INVALID",
            "'+33 6 12', '', INVALID",
            "'not a number', FR, INVALID",
            "'', FR, INVALID",
            "'+33 8 99 12 34 56', '', PREMIUM_RATE",
            "'+33 1 23 45 67 89', '', NOT_MOBILE",
            "'+7 912 345 67 89', '', COUNTRY_NOT_ALLOWED"
    })
    void refusesWithAReason(String typed, String region, PhoneCheck.Refusal refusal) {
        assertThat(PhoneNumbers.check(typed, region, DEFAULT).refusal()).isEqualTo(refusal);
    }

    @Test
    void anEmptyAllowListAllowsEveryCountry() {
        assertThat(PhoneNumbers.check("+7 912 345 67 89", "", Set.of()).isAccepted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "+33612345678, '+33 6** ** ** 78'",
            "+12015550123, '+1 2**-***-**23'",
            "+4915123456789, '+49 1*** *****89'"
    })
    void masksAllButCountryFirstAndLastTwoDigits(String e164, String masked) {
        assertThat(PhoneNumbers.masked(e164)).isEqualTo(masked);
    }
}
