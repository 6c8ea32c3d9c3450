package dev.vigil.risk.model.network;

import java.net.InetAddress;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork.IPAddressGenerator;
import inet.ipaddr.ipv6.IPv6Address;

/**
 * The network an address belongs to, for the model's {@code NETWORK} feature and for display: the /24 of an
 * IPv4 address (a home or office line's usual neighbourhood), the /48 of an IPv6 address (what one site
 * is normally given). IPv4-mapped IPv6 addresses count as the IPv4 address they carry.
 */
public final class IpAddresses {

    public static final int IPV4_NETWORK_BITS = 24;
    public static final int IPV6_NETWORK_BITS = 48;
    /** One IPv6 subnet: a client's temporary (privacy) addresses rotate within it at will. */
    public static final int IPV6_CLIENT_BITS = 64;

    private static final IPAddressGenerator GENERATOR = new IPAddressGenerator();

    private IpAddresses() {
    }

    /** The address's network in CIDR notation, e.g. {@code 192.0.2.0/24} or {@code 2001:db8:1::/48}. */
    public static String networkOf(InetAddress address) {
        IPAddress ip = of(address);
        int bits = ip.isIPv4() ? IPV4_NETWORK_BITS : IPV6_NETWORK_BITS;
        return ip.toPrefixBlock(bits).toCanonicalString();
    }

    /**
     * The address as one client, for counting what a client does: an IPv4 address itself, the /64 of an IPv6
     * address (e.g. {@code 2001:db8:1:2::/64}), since anyone holding a /64 can use each of its addresses in turn.
     */
    public static String client(InetAddress address) {
        IPAddress ip = of(address);
        return ip.isIPv4() ? ip.toCanonicalString() : ip.toPrefixBlock(IPV6_CLIENT_BITS).toCanonicalString();
    }

    /** The address in canonical text, e.g. {@code 2001:db8::1} (IPv4-mapped ones as IPv4). */
    public static String canonical(InetAddress address) {
        return of(address).toCanonicalString();
    }

    /** The library's view of an address, IPv4-mapped IPv6 turned into IPv4. */
    static IPAddress of(InetAddress address) {
        if (address == null) {
            throw new IllegalArgumentException("no address");
        }
        return unmapped(GENERATOR.from(address));
    }

    static IPAddress unmapped(IPAddress address) {
        if (address.isIPv6()) {
            IPv6Address v6 = address.toIPv6();
            if (v6.isIPv4Mapped()) {
                return v6.getEmbeddedIPv4Address();
            }
        }
        return address;
    }
}
