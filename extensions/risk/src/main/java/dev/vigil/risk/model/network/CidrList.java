package dev.vigil.risk.model.network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.IncompatibleAddressException;

/**
 * An admin's list of networks (trusted networks, deny-list): CIDR blocks or single addresses, IPv4 and IPv6,
 * separated by commas, spaces or new lines, e.g. {@code 192.0.2.0/24, 2001:db8::/32, 198.51.100.7}.
 * <p>
 * Parsing is strict so that a typo cannot silently widen or empty a list: no host names (never a DNS look-up),
 * no wildcards, ranges or shorthand forms such as {@code 10.1}, and no block with host bits set
 * ({@code 10.0.0.1/8} is refused with the block it probably meant). {@link #parse} names every bad entry.
 */
public final class CidrList {

    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowPrefixOnly(false)
            .allowMask(false)
            .allowWildcardedSeparator(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .allow_inet_aton(false)
            .toParams();

    private static final CidrList EMPTY = new CidrList(List.of());

    private final List<IPAddress> blocks;

    private CidrList(List<IPAddress> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** The empty list: matches nothing. */
    public static CidrList empty() {
        return EMPTY;
    }

    /**
     * Parses a list; blank text is the empty list.
     *
     * @throws IllegalArgumentException naming each entry that is not an address or CIDR block, and why
     */
    public static CidrList parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<IPAddress> blocks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String entry : SEPARATORS.split(text.strip())) {
            try {
                blocks.add(block(entry));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new CidrList(blocks);
    }

    /** Whether the address is in one of the blocks; null is in none. */
    public boolean contains(InetAddress address) {
        if (address == null || blocks.isEmpty()) {
            return false;
        }
        IPAddress ip = IpAddresses.of(address);
        for (IPAddress block : blocks) {
            if (block.getIPVersion() == ip.getIPVersion() && block.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** The blocks in canonical notation, as an admin would write them back. */
    public List<String> entries() {
        return blocks.stream().map(IPAddress::toCanonicalString).toList();
    }

    @Override
    public String toString() {
        return String.join(", ", entries());
    }

    private static IPAddress block(String entry) {
        IPAddress address;
        try {
            address = new IPAddressString(entry, STRICT).toAddress();
        } catch (AddressStringException | IncompatibleAddressException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block ("
                    + e.getMessage() + ")");
        }
        address = IpAddresses.unmapped(address);
        if (address.isPrefixed() && !address.isPrefixBlock()) {
            throw new IllegalArgumentException("'" + entry + "' has host bits set; the block is "
                    + address.toPrefixBlock().toCanonicalString());
        }
        return address;
    }
}
