package dev.vigil.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaultsAreTheIssuesSetUp() {
        LoadOptions options = LoadOptions.parse(List.of());

        assertThat(options.database()).isEqualTo(LoadOptions.Database.H2);
        assertThat(options.users()).isEqualTo(40);
        assertThat(options.hashing()).isEqualTo(LoadOptions.Hashing.CHEAP);
        assertThat(options.clients()).isEqualTo(4);
        assertThat(options.newDevices()).isEqualTo(0.1);
        assertThat(options.phases()).isEqualTo(4);
        assertThat(options.phaseLength()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.jfrDir()).isEmpty();
        assertThat(options.seeding()).isEmpty();
        assertThat(options.measure()).isEqualTo(LoadOptions.Measure.RETURNING);
        assertThat(options.closedLoopClients()).isEqualTo(4);
        assertThat(options.concurrentLogins()).isEqualTo(4);
    }

    @Test
    void newDeviceModeSignsEveryLoginInFromANewDevice() {
        LoadOptions options = LoadOptions.parse(List.of("--measure", "new-device", "--clients", "2"));

        assertThat(options.measure()).isEqualTo(LoadOptions.Measure.NEW_DEVICE);
        assertThat(options.newDevices()).isEqualTo(1.0);
        assertThat(options.closedLoopClients()).isEqualTo(2);
    }

    @Test
    void p99ModeFindsSaturationWithSixteenClientsAndMeasuresReturningUsers() {
        LoadOptions options = LoadOptions.parse(List.of("--measure", "p99"));

        assertThat(options.measure()).isEqualTo(LoadOptions.Measure.P99);
        assertThat(options.saturationClients()).isEqualTo(16);
        assertThat(options.closedLoopClients()).isEqualTo(16);
        assertThat(options.concurrentLogins()).isEqualTo(40);
        assertThat(options.newDevices()).isZero();
        assertThat(LoadOptions.parse(List.of("--measure", "p99", "--saturation-clients", "32", "--new-devices", "0.1",
                "--users", "64"))).satisfies(asked -> {
                    assertThat(asked.closedLoopClients()).isEqualTo(32);
                    assertThat(asked.newDevices()).isEqualTo(0.1);
                });
    }

    @Test
    void refusesOptionsThatMeanNothingInTheMode() {
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--measure", "fast")))
                .hasMessageContaining("--measure is one of [returning, new-device, p99], not fast");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--measure", "new-device", "--new-devices", "0.5")))
                .hasMessageContaining("--new-devices does not go with --measure new-device");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--measure", "p99", "--clients", "4")))
                .hasMessageContaining("--clients does not go with --measure p99");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--saturation-clients", "8")))
                .hasMessageContaining("--saturation-clients goes with --measure p99");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--measure", "p99", "--db", "postgres", "--seed-users", "1000")))
                .hasMessageContaining("--seed-users goes with --measure returning");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--measure", "p99", "--users", "8")))
                .hasMessageContaining("--saturation-clients (16) cannot exceed --users (8)");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--measure", "p99", "--saturation-clients", "0")))
                .hasMessageContaining("--saturation-clients is a whole number from 1 to 1000, not 0");
    }

    @Test
    void seedingDefaultsToAHundredSignInsAndAThousandUserRealm() {
        LoadOptions options = LoadOptions.parse(List.of("--db", "postgres", "--seed-users", "100000"));

        assertThat(options.seeding()).contains(new LoadOptions.Seeding(100_000, 100, 1_000));
    }

    @Test
    void readsTheSeedingOptions() {
        LoadOptions options = LoadOptions.parse(List.of("--db", "postgres", "--seed-users", "20000",
                "--seed-sign-ins", "50", "--seed-small-users", "500"));

        assertThat(options.seeding()).contains(new LoadOptions.Seeding(20_000, 50, 500));
    }

    @Test
    void refusesASeedingThatCannotBeCompared() {
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--seed-users", "100000")))
                .hasMessageContaining("--seed-users needs --db postgres");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--db", "postgres", "--seed-users", "500")))
                .hasMessageContaining("--seed-small-users (1000) <= --seed-users (500)");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--db", "postgres", "--users", "50", "--seed-users", "1000",
                "--seed-small-users", "40")))
                .hasMessageContaining("--users (50) <= --seed-small-users (40)");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--db", "postgres", "--seed-sign-ins", "10")))
                .hasMessageContaining("go with --seed-users");
    }

    @Test
    void readsEveryOption() {
        LoadOptions options = LoadOptions.parse(List.of("--db", "postgres", "--users", "100", "--hash", "default",
                "--clients", "8", "--new-devices", "0.25", "--phases", "6", "--phase-seconds", "20",
                "--warm-up-seconds", "0", "--jfr", "/tmp/jfr"));

        assertThat(options.database()).isEqualTo(LoadOptions.Database.POSTGRES);
        assertThat(options.users()).isEqualTo(100);
        assertThat(options.hashing().passwordPolicy()).isEmpty();
        assertThat(options.clients()).isEqualTo(8);
        assertThat(options.newDevices()).isEqualTo(0.25);
        assertThat(options.phases()).isEqualTo(6);
        assertThat(options.phaseLength()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.warmUp()).isZero();
        assertThat(options.jfrDir()).hasValueSatisfying(dir -> assertThat(dir).hasToString("/tmp/jfr"));
    }

    @Test
    void cheapHashingIsPbkdf2AtAThousandIterations() {
        assertThat(LoadOptions.Hashing.CHEAP.passwordPolicy())
                .hasValue("hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)");
    }

    @Test
    void refusesWhatCannotBeMeasured() {
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--phases", "3")))
                .hasMessageContaining("--phases is even");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--new-devices", "1.5")))
                .hasMessageContaining("--new-devices is a share from 0 to 1");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--users", "2", "--clients", "4")))
                .hasMessageContaining("cannot exceed --users");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--users", "many")))
                .hasMessageContaining("--users is a whole number from 1 to 100000, not many");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--db", "oracle")))
                .hasMessageContaining("--db is one of [h2, postgres], not oracle");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--speed", "fast")))
                .hasMessageContaining("unknown option or missing value: --speed");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--users")))
                .hasMessageContaining("missing value");
    }
}
