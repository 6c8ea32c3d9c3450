package dev.vigil.risk.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GeoIpAnswersTest {

    @Test
    void looksEachAddressUpOnceIncludingTheUnknownOnes() throws Exception {
        GeoIpAnswers<GeoLocation> answers = new GeoIpAnswers<>(100);
        AtomicInteger lookups = new AtomicInteger();
        InetAddress london = InetAddress.getByName("81.2.69.142");
        InetAddress unknown = InetAddress.getByName("10.1.2.3");
        GeoLocation city = new GeoLocation("GB", "London", 51.5, -0.09, 10, "Europe/London");

        for (int i = 0; i < 3; i++) {
            assertThat(answers.get(london, address -> {
                lookups.incrementAndGet();
                return Optional.of(city);
            })).contains(city);
            assertThat(answers.get(unknown, address -> {
                lookups.incrementAndGet();
                return Optional.empty();
            })).isEmpty();
        }

        assertThat(lookups).hasValue(2);
    }

    @Test
    void aZeroSizeKeepsNothing() throws Exception {
        GeoIpAnswers<NetworkOwner> answers = new GeoIpAnswers<>(0);
        AtomicInteger lookups = new AtomicInteger();
        InetAddress address = InetAddress.getByName("81.2.69.142");

        answers.get(address, key -> Optional.of(new NetworkOwner(lookups.incrementAndGet(), null)));
        answers.get(address, key -> Optional.of(new NetworkOwner(lookups.incrementAndGet(), null)));

        assertThat(lookups).hasValue(2);
    }
}
