package dev.vigil.it.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A running Vigil server as the tests reach it, whichever way it runs: a process on loopback
 * ({@link VigilServer}) or a container ({@link ContainerNode}).
 */
public interface VigilNode {

    /** Where the test reaches the server's HTTP port. */
    URI baseUri();

    default URI realmUri(String realm) {
        return baseUri().resolve("/realms/" + realm);
    }

    /** The password of the bootstrap admin ({@link VigilServer#ADMIN_USER}). */
    String adminPassword();

    /** A connection from the test to the server's own database. */
    Connection openDatabase() throws SQLException;

    /** The lines of the server's development outbox ({@code outbox.jsonl}); none before its first message. */
    List<String> outboxLines();

    /** Everything the server has logged so far. */
    String logText();

    /** Kills the server at once (SIGKILL), as a crash or an OOM killer would. */
    void kill();
}
