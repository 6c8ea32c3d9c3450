package dev.vigil.privacy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vigil.api.history.Feature;
import dev.vigil.local.LocalPostgres;
import dev.vigil.local.SimultaneousStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The store's upserts as 32 logins run them at the same moment, each in its own transaction that commits after a
 * little more work: on H2 and on a real PostgreSQL, every counter gains exactly one per login, a value seen first by
 * all of them is created once and counted once as distinct, a user's simultaneous first logins count one user, and a
 * new device gets one row whose id every login gets.
 */
class ConcurrentUpsertsTest {

    private static final int LOGINS = 32;
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final String REALM = UUID.randomUUID().toString();
    /** How long a login's transaction stays open after the device upsert, holding its row (the rest of the request). */
    private static final long REST_OF_REQUEST_MILLIS = 40;

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnH2 extends Scenarios {

        @Override
        Connection open() throws SQLException {
            // A short lock timeout, as a loaded server meets H2's own: logins queued on one row wait past it.
            return DriverManager.getConnection("jdbc:h2:mem:upserts;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE;LOCK_TIMEOUT=100",
                    "sa", "");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgreSql extends Scenarios {

        private LocalPostgres postgres;
        private LocalPostgres.Database database;

        @Override
        void start() {
            postgres = LocalPostgres.start(System.getProperty("vigil.it.postgres.bin", ""));
            database = postgres.createDatabase("upserts");
        }

        @AfterAll
        void stopPostgres() throws IOException {
            Path log = Files.createTempFile("vigil-upserts-postgres", ".log");
            postgres.stop(log);
            Files.delete(log);
        }

        @Override
        Connection open() throws SQLException {
            return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
        }
    }

    abstract static class Scenarios {

        abstract Connection open() throws SQLException;

        void start() {
        }

        @BeforeAll
        void schema() throws SQLException {
            start();
            try (Connection db = open(); Statement ddl = db.createStatement()) {
                // As the changelogs of META-INF/vigil-privacy create them.
                ddl.execute("CREATE TABLE VIGIL_POPULATION (REALM_ID VARCHAR(36) NOT NULL, COUNTER VARCHAR(40) NOT NULL,"
                        + " VALUE_KEY VARCHAR(255) NOT NULL, N BIGINT NOT NULL, PRIMARY KEY (REALM_ID, COUNTER, VALUE_KEY))");
                ddl.execute("CREATE TABLE VIGIL_DEVICE (ID VARCHAR(36) PRIMARY KEY, REALM_ID VARCHAR(36) NOT NULL,"
                        + " USER_ID VARCHAR(36) NOT NULL, DEVICE_KEY VARCHAR(64) NOT NULL, LABEL VARCHAR(128),"
                        + " FIRST_SEEN BIGINT NOT NULL, LAST_SEEN BIGINT NOT NULL,"
                        + " CONSTRAINT UK_VIGIL_DEVICE_KEY UNIQUE (REALM_ID, USER_ID, DEVICE_KEY))");
                ddl.execute("CREATE TABLE VIGIL_LAST_SIGN_IN (REALM_ID VARCHAR(36) NOT NULL, USER_ID VARCHAR(36) NOT NULL,"
                        + " AT BIGINT NOT NULL, PRIMARY KEY (REALM_ID, USER_ID))");
            }
        }

        @Test
        void concurrentLoginsAddExactlyTheirNumberToEveryCounter() throws Exception {
            Map<Feature, String> usual = Map.of(Feature.COUNTRY, "SE", Feature.BROWSER, "Firefox 146", Feature.OS, "Linux");
            List<String> users = List.of("user-a", "user-b", "user-c", "user-d");
            count("user-a", usual);
            Map<String, Long> before = counters();
            String newValue = "new-network-" + UUID.randomUUID();

            SimultaneousStart.run(LOGINS, TIMEOUT, login -> {
                Map<Feature, String> kept = new EnumMap<>(usual);
                kept.put(Feature.NETWORK, newValue);
                kept.put(Feature.IP, "ip-of-login-" + login);
                count(users.get(login % users.size()), kept);
                return null;
            });

            Map<String, Long> after = counters();
            assertThat(after.get("#sign-ins|-") - before.get("#sign-ins|-")).isEqualTo(LOGINS);
            assertThat(after.get("#users|-") - before.get("#users|-")).as("three users new, however many logins each")
                    .isEqualTo(users.size() - 1);
            assertThat(after.get("#user|user-b")).as("each user's own row").isEqualTo(LOGINS / users.size());
            assertThat(after.get("#user|user-a") - before.get("#user|user-a")).isEqualTo(LOGINS / users.size());
            assertThat(after.get("COUNTRY|SE") - before.get("COUNTRY|SE")).isEqualTo(LOGINS);
            assertThat(after.get("BROWSER|Firefox 146") - before.get("BROWSER|Firefox 146")).isEqualTo(LOGINS);
            assertThat(after.get("NETWORK|" + newValue)).as("a value all logins bring at once").isEqualTo(LOGINS);
            assertThat(after.get("#distinct:NETWORK|-")).as("created once, so counted once as distinct").isEqualTo(1);
            assertThat(after.get("#distinct:IP|-")).as("one new address per login").isEqualTo(LOGINS);
            assertThat(after.get("#distinct:COUNTRY|-")).as("no new country").isEqualTo(1);
        }

        @Test
        void aNewDeviceSignedInFromConcurrentlyGetsOneRowAndEveryLoginItsId() throws Exception {
            String user = UUID.randomUUID().toString();

            List<String> ids = SimultaneousStart.run(LOGINS, TIMEOUT, login -> {
                try (Connection db = open()) {
                    db.setAutoCommit(false);
                    String id = RaceSafe.run(db, (connection, dialect) -> {
                        try (PreparedStatement upsert = connection.prepareStatement(dialect.touchDevice())) {
                            upsert.setString(1, UUID.randomUUID().toString());
                            upsert.setString(2, REALM);
                            upsert.setString(3, user);
                            upsert.setString(4, "device-key");
                            upsert.setString(5, login % 2 == 0 ? "Firefox on Linux" : null);
                            upsert.setLong(6, 1000L + login);
                            upsert.setLong(7, 1000L + login);
                            try (ResultSet row = upsert.executeQuery()) {
                                row.next();
                                return row.getString(1);
                            }
                        }
                    });
                    Thread.sleep(REST_OF_REQUEST_MILLIS);
                    db.commit();
                    return id;
                }
            });

            try (Connection db = open(); PreparedStatement rows = db.prepareStatement(
                    "SELECT ID, LABEL, FIRST_SEEN, LAST_SEEN FROM VIGIL_DEVICE WHERE REALM_ID = ? AND USER_ID = ?")) {
                rows.setString(1, REALM);
                rows.setString(2, user);
                try (ResultSet row = rows.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(Set.copyOf(ids)).containsExactly(row.getString("ID"));
                    assertThat(row.getString("LABEL")).as("a login without a label keeps the known one").isEqualTo("Firefox on Linux");
                    assertThat(row.getLong("LAST_SEEN")).isEqualTo(1000L + LOGINS - 1);
                    assertThat(row.next()).as("one row for the device").isFalse();
                }
            }
        }

        @Test
        void theLastSignInOnlyMovesForward() throws Exception {
            String user = UUID.randomUUID().toString();

            SimultaneousStart.run(LOGINS, TIMEOUT, login -> {
                try (Connection db = open()) {
                    RaceSafe.run(db, (connection, dialect) -> {
                        try (PreparedStatement upsert = connection.prepareStatement(dialect.signedIn())) {
                            upsert.setString(1, REALM);
                            upsert.setString(2, user);
                            upsert.setLong(3, 5000L - login);
                            return upsert.executeUpdate();
                        }
                    });
                }
                return null;
            });

            try (Connection db = open(); PreparedStatement last = db.prepareStatement(
                    "SELECT AT FROM VIGIL_LAST_SIGN_IN WHERE REALM_ID = ? AND USER_ID = ?")) {
                last.setString(1, REALM);
                last.setString(2, user);
                try (ResultSet row = last.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getLong(1)).isEqualTo(5000L);
                }
            }
        }

        /** One login's counting in its own transaction, committed after a little more work, as Keycloak's would be. */
        private void count(String userId, Map<Feature, String> kept) throws Exception {
            try (Connection db = open()) {
                db.setAutoCommit(false);
                PopulationCounter.count(db, REALM, userId, kept);
                Thread.sleep(5);
                db.commit();
            }
        }

        private Map<String, Long> counters() throws SQLException {
            Map<String, Long> counters = new HashMap<>();
            try (Connection db = open(); PreparedStatement all = db.prepareStatement(
                    "SELECT COUNTER, VALUE_KEY, N FROM VIGIL_POPULATION WHERE REALM_ID = ?")) {
                all.setString(1, REALM);
                try (ResultSet row = all.executeQuery()) {
                    while (row.next()) {
                        counters.put(row.getString(1) + "|" + row.getString(2), row.getLong(3));
                    }
                }
            }
            return counters;
        }
    }
}
