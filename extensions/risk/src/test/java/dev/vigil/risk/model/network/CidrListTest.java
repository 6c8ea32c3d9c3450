package dev.vigil.risk.model.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class CidrListTest {

    private final CidrList list = CidrList.parse("192.0.2.0/24, 2001:db8::/32\n198.51.100.7 ; 10.0.0.0/8");

    @Test
    void matchesIpv4BlocksAndSingleAddresses() throws UnknownHostException {
        assertThat(list.contains(ip("192.0.2.200"))).isTrue();
        assertThat(list.contains(ip("10.255.0.1"))).isTrue();
        assertThat(list.contains(ip("198.51.100.7"))).isTrue();
        assertThat(list.contains(ip("198.51.100.8"))).isFalse();
        assertThat(list.contains(ip("192.0.3.1"))).isFalse();
    }

    @Test
    void matchesIpv6Blocks() throws UnknownHostException {
        assertThat(list.contains(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(list.contains(ip("2001:db9::1"))).isFalse();
    }

    @Test
    void anIpv4MappedIpv6AddressIsMatchedAsIpv4() throws UnknownHostException {
        assertThat(list.contains(ip("::ffff:192.0.2.9"))).isTrue();
        assertThat(CidrList.parse("::ffff:192.0.2.9").contains(ip("192.0.2.9"))).isTrue();
    }

    @Test
    void anIpv4BlockNeverMatchesAnIpv6AddressNorTheOtherWayRound() throws UnknownHostException {
        assertThat(CidrList.parse("0.0.0.0/0").contains(ip("2001:db8::1"))).isFalse();
        assertThat(CidrList.parse("::/0").contains(ip("192.0.2.1"))).isFalse();
        assertThat(CidrList.parse("::/0").contains(ip("2001:db8::1"))).isTrue();
    }

    @Test
    void isWrittenBackCanonically() {
        assertThat(list.entries()).containsExactly("192.0.2.0/24", "2001:db8::/32", "198.51.100.7", "10.0.0.0/8");
        assertThat(CidrList.parse("2001:0DB8:0:0::/48").toString()).isEqualTo("2001:db8::/48");
    }

    @Test
    void blankIsEmptyAndMatchesNothing() throws UnknownHostException {
        assertThat(CidrList.parse("  \n").isEmpty()).isTrue();
        assertThat(CidrList.parse(null).contains(ip("192.0.2.1"))).isFalse();
        assertThat(list.contains(null)).isFalse();
    }

    @Test
    void everyBadEntryIsNamedWithItsReason() {
        assertThatThrownBy(() -> CidrList.parse("192.0.2.0/24, 10.0.0.300, vpn.example.com, 10.0.0.1/8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'10.0.0.300' is not an IP address or CIDR block")
                .hasMessageContaining("'vpn.example.com' is not an IP address or CIDR block")
                .hasMessageContaining("'10.0.0.1/8' has host bits set; the block is 10.0.0.0/8")
                .hasMessageNotContaining("'192.0.2.0/24'");
    }

    @Test
    void shorthandsWildcardsRangesAndOversizedPrefixesAreRefused() {
        for (String bad : new String[] {"10.1", "192.0.2.*", "192.0.2.1-9", "10.0.0.0/33", "2001:db8::/129", "*",
                "/24", "10.0.0.0/255.0.0.0"}) {
            assertThatThrownBy(() -> CidrList.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
