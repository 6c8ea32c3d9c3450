package dev.vigil.otp.limits;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The network a request comes from, as sending limits count it: an IPv4 address alone, an IPv6 address by its
 * /64, since one subscriber commonly holds a whole /64 and could otherwise take a fresh address per request.
 */
public final class SourceNetwork {

    private static final int IPV6_PREFIX_BYTES = 8;
    /** What an IPv6 literal (possibly ending in IPv4 form) is made of; Java parses such text without any lookup. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

    private SourceNetwork() {
    }

    /**
     * {@code 192.0.2.1} stays as it is; {@code 2001:db8:1:2::a} becomes {@code 20010db800010002/64},
     * shared by every address of that /64; an IPv4-mapped IPv6 address counts as its IPv4 address. Brackets and a
     * port after them (as in some proxy headers) are ignored. Anything that is not an IP literal is kept as given,
     * and never resolved.
     */
    public static String of(String address) {
        if (address == null) {
            return "";
        }
        String literal = unbracketed(address.trim());
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        String withoutZone = literal.indexOf('%') < 0 ? literal : literal.substring(0, literal.indexOf('%'));
        if (!IPV6_LITERAL.matcher(withoutZone).matches()) {
            return literal;
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(withoutZone);
        } catch (UnknownHostException | SecurityException e) {
            return literal;
        }
        if (parsed instanceof Inet4Address) {
            return parsed.getHostAddress();
        }
        if (!(parsed instanceof Inet6Address)) {
            return literal;
        }
        return HexFormat.of().formatHex(parsed.getAddress(), 0, IPV6_PREFIX_BYTES) + "/64";
    }

    private static String unbracketed(String address) {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end > 0 ? address.substring(1, end) : address.substring(1);
        }
        return address;
    }
}
