package dev.vigil.risk.model.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void anIpv4AddressIsInItsSlash24() throws UnknownHostException {
        assertThat(IpAddresses.networkOf(InetAddress.getByName("81.2.69.142"))).isEqualTo("81.2.69.0/24");
        assertThat(IpAddresses.networkOf(InetAddress.getByName("192.0.2.0"))).isEqualTo("192.0.2.0/24");
    }

    @Test
    void anIpv6AddressIsInItsSlash48() throws UnknownHostException {
        assertThat(IpAddresses.networkOf(InetAddress.getByName("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1::/48");
        assertThat(IpAddresses.networkOf(InetAddress.getByName("2a02:ec0:ffff::1"))).isEqualTo("2a02:ec0:ffff::/48");
    }

    @Test
    void addressesAreWrittenCanonically() throws UnknownHostException {
        assertThat(IpAddresses.canonical(InetAddress.getByName("2001:0db8:0000:0000:0000:0000:0000:0001")))
                .isEqualTo("2001:db8::1");
        assertThat(IpAddresses.canonical(InetAddress.getByName("::ffff:192.0.2.7"))).isEqualTo("192.0.2.7");
    }

    @Test
    void noAddressIsRefused() {
        assertThatThrownBy(() -> IpAddresses.networkOf(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClientIsAnIpv4AddressOrAnIpv6Subnet() throws UnknownHostException {
        assertThat(IpAddresses.client(InetAddress.getByName("192.0.2.7"))).isEqualTo("192.0.2.7");
        assertThat(IpAddresses.client(InetAddress.getByName("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(IpAddresses.client(InetAddress.getByName("::ffff:192.0.2.7"))).isEqualTo("192.0.2.7");
    }
}
