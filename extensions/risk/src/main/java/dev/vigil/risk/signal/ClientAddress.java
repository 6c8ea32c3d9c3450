package dev.vigil.risk.signal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakSession;

/**
 * The client's address as Keycloak sees it: the peer, or what a trusted proxy forwarded when the server is
 * configured with {@code proxy-headers} and {@code proxy-trusted-addresses}. Forwarding headers are never read
 * here: a header from an untrusted peer must change nothing.
 */
public final class ClientAddress {

    /** Only literals (dotted IPv4, or IPv6 with its colons): a host name here would mean a DNS lookup during a login. */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]{0,45}:[0-9A-Fa-f:.]{0,45}(%\\w{1,32})?");

    private ClientAddress() {
    }

    public static Optional<InetAddress> of(KeycloakSession session) {
        ClientConnection connection = session.getContext().getConnection();
        return connection == null ? Optional.empty() : parse(connection.getRemoteAddr());
    }

    static Optional<InetAddress> parse(String literal) {
        if (literal == null || !LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }
}
