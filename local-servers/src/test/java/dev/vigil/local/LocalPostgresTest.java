package dev.vigil.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A kept cluster (the benchmark's seeded database): what is written to it survives a stop and a new start. */
class LocalPostgresTest {

    private Path dir;

    @BeforeEach
    void folder() throws IOException {
        // Not @TempDir: when run as root, the cluster's folder goes to the postgres user, and JUnit could not clean it.
        dir = Files.createTempDirectory("vigil-kept-postgres-test-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @AfterEach
    void deleteFolder() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aKeptClusterKeepsItsDatabasesFromOneStartToTheNext() throws SQLException {
        LocalPostgres first = LocalPostgres.startKept(null, dir.resolve("cluster"));
        LocalPostgres.Database created = first.createDatabase("kept");
        try (Connection db = connect(created); Statement statement = db.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('still here')");
        }
        first.stop(dir.resolve("first.log"));

        LocalPostgres second = LocalPostgres.startKept(null, dir.resolve("cluster"));
        try (Connection db = connect(second.existingDatabase(created.username(), created.password()));
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select value from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        } finally {
            second.stop(dir.resolve("second.log"));
        }
        assertThat(dir.resolve("cluster/data/PG_VERSION")).exists();
        assertThat(dir.resolve("second.log")).exists();
    }

    private static Connection connect(LocalPostgres.Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
