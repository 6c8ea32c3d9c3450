package dev.vigil.bench.seed;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

import dev.vigil.privacy.store.Pseudonyms;

/**
 * A realm's pseudonymization secret in VIGIL_REALM_KEY: the one the server created, or a new one of the same form
 * (Base64 of 32 random bytes) put there before any login, which the server then uses as its own.
 */
final class RealmKey {

    private RealmKey() {
    }

    static Pseudonyms pseudonymsOf(Connection db, String realmId) throws SQLException {
        try (PreparedStatement find = db.prepareStatement("select secret from vigil_realm_key where realm_id = ?")) {
            find.setString(1, realmId);
            try (ResultSet rows = find.executeQuery()) {
                if (rows.next()) {
                    return new Pseudonyms(Base64.getDecoder().decode(rows.getString(1)));
                }
            }
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try (PreparedStatement insert = db.prepareStatement(
                "insert into vigil_realm_key (realm_id, secret, created_at) values (?, ?, ?)")) {
            insert.setString(1, realmId);
            insert.setString(2, Base64.getEncoder().encodeToString(secret));
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        }
        return new Pseudonyms(secret);
    }
}
