package dev.vigil.it.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The database a Vigil server runs on, as its operator configures it: {@code KC_DB_URL}, user, password. */
public record ServerDatabase(String jdbcUrl, String username, String password) {

    /** Keycloak's embedded H2 file in {@code dir}; AUTO_SERVER lets tests open it while the server runs. */
    public static ServerDatabase h2In(Path dir) {
        return new ServerDatabase("jdbc:h2:file:" + dir.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE",
                "vigil", "vigil-it");
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}
