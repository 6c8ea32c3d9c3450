package dev.vigil.otp.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceNetworkTest {

    @ParameterizedTest
    @CsvSource({
            "192.0.2.1, 192.0.2.1",
            "2001:db8:1:2::a, 20010db800010002/64",
            "2001:db8:1:2:ffff:ffff:ffff:ffff, 20010db800010002/64",
            "[2001:db8:1:2::b], 20010db800010002/64",
            "[2001:db8:1:2::b]:4711, 20010db800010002/64",
            "2001:DB8:1:2:0:0:0:c, 20010db800010002/64",
            "2001:db8:1:3::1, 20010db800010003/64",
            "::ffff:192.0.2.7, 192.0.2.7",
            "fe80::1%eth0, fe80000000000000/64",
            "'not:an:address::zz', 'not:an:address::zz'",
            "localhost, localhost"
    })
    void countsIpv4ByAddressAndIpv6ByItsSlash64(String address, String network) {
        assertThat(SourceNetwork.of(address)).isEqualTo(network);
    }
}
