package dev.vigil.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code bench/run load} was asked for, checked once: a wrong option stops the run with the option and its
 * range before any server starts.
 */
public record LoadOptions(Database database, int users, Hashing hashing, int clients, double newDevices, int phases,
        Duration phaseLength, Duration warmUp, Optional<Path> jfrDir, Optional<Seeding> seeding, Measure measure,
        int saturationClients) {

    private static final Set<String> NAMES = Set.of("db", "users", "hash", "clients", "new-devices", "phases",
            "phase-seconds", "warm-up-seconds", "jfr", "seed-users", "seed-sign-ins", "seed-small-users", "measure",
            "saturation-clients");

    /**
     * {@code --seed-users N}: instead of stock against Vigil, Vigil's flow in a realm of {@code smallUsers} users
     * against one of {@code users}, every user of both with {@code signIns} sign-ins seeded into the database.
     */
    public record Seeding(int users, int signIns, int smallUsers) {
    }

    public enum Database { H2, POSTGRES }

    /**
     * What the phases measure. {@code returning}: closed-loop logins of returning users (and the {@code --new-devices}
     * share). {@code new-device}: closed-loop logins, every one from a new device, with the risk step in report-only
     * mode (scored, no code asked). {@code p99}: stock's saturation in a closed loop, then both flows open-loop at half
     * of it.
     */
    public enum Measure { RETURNING, NEW_DEVICE, P99 }

    /** The realms' password hashing: Keycloak's default, or PBKDF2-SHA256 at 1,000 iterations so it hides nothing. */
    public enum Hashing {
        DEFAULT(null),
        CHEAP("hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)");

        private final String passwordPolicy;

        Hashing(String passwordPolicy) {
            this.passwordPolicy = passwordPolicy;
        }

        /** The realm password policy that gives this hashing; empty for Keycloak's default. */
        public Optional<String> passwordPolicy() {
            return Optional.ofNullable(passwordPolicy);
        }
    }

    public static LoadOptions parse(List<String> args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i).startsWith("--") ? args.get(i).substring(2) : "";
            if (!NAMES.contains(name) || i + 1 >= args.size()) {
                throw new IllegalArgumentException("unknown option or missing value: " + args.get(i));
            }
            given.put(name, args.get(i + 1));
        }
        Measure measure = choice(Measure.class, "measure", given.getOrDefault("measure", "returning"));
        checkModeOptions(measure, given);
        LoadOptions options = new LoadOptions(
                choice(Database.class, "db", given.getOrDefault("db", "h2")),
                integer(given, "users", 40, 1, 100_000),
                choice(Hashing.class, "hash", given.getOrDefault("hash", "cheap")),
                integer(given, "clients", 4, 1, 1_000),
                switch (measure) {
                    case RETURNING -> share(given.getOrDefault("new-devices", "0.1"));
                    case NEW_DEVICE -> 1;
                    // The figure is the returning users' p99 unless asked otherwise: new devices would add the OTP step.
                    case P99 -> share(given.getOrDefault("new-devices", "0"));
                },
                integer(given, "phases", 4, 2, 100),
                Duration.ofSeconds(integer(given, "phase-seconds", 30, 1, 3_600)),
                Duration.ofSeconds(integer(given, "warm-up-seconds", 30, 0, 3_600)),
                Optional.ofNullable(given.get("jfr")).map(Path::of),
                given.containsKey("seed-users")
                        ? Optional.of(new Seeding(integer(given, "seed-users", 0, 1, 1_000_000),
                                integer(given, "seed-sign-ins", 100, 1, 1_000),
                                integer(given, "seed-small-users", 1_000, 1, 1_000_000)))
                        : Optional.empty(),
                measure,
                integer(given, "saturation-clients", 16, 1, 1_000));
        if (options.seeding.isEmpty() && (given.containsKey("seed-sign-ins") || given.containsKey("seed-small-users"))) {
            throw new IllegalArgumentException("--seed-sign-ins and --seed-small-users go with --seed-users");
        }
        options.seeding.ifPresent(seeding -> checkSeeding(options, seeding));
        if (options.phases % 2 != 0) {
            throw new IllegalArgumentException("--phases is even (pairs A B / B A), not " + options.phases);
        }
        int clients = options.closedLoopClients();
        String clientsOption = measure == Measure.P99 ? "--saturation-clients" : "--clients";
        if (clients > options.users) {
            throw new IllegalArgumentException(clientsOption + " (" + clients + ") cannot exceed --users ("
                    + options.users + "): each user's browser is driven by one client at a time");
        }
        return options;
    }

    /** The clients of the closed loop: the phases' own, or in the p99 mode those that find stock's saturation. */
    public int closedLoopClients() {
        return measure == Measure.P99 ? saturationClients : clients;
    }

    /** The most logins under way at once: one per closed-loop client, or in an open loop one per user's browser. */
    public int concurrentLogins() {
        return measure == Measure.P99 ? users : clients;
    }

    /** Options that mean nothing in a mode are refused rather than ignored. */
    private static void checkModeOptions(Measure measure, Map<String, String> given) {
        if (measure != Measure.RETURNING && given.containsKey("seed-users")) {
            throw new IllegalArgumentException("--seed-users goes with --measure returning (it compares two Vigil realms)");
        }
        if (measure == Measure.NEW_DEVICE && given.containsKey("new-devices")) {
            throw new IllegalArgumentException("--new-devices does not go with --measure new-device:"
                    + " every login is from a new device");
        }
        if (measure == Measure.P99 && given.containsKey("clients")) {
            throw new IllegalArgumentException("--clients does not go with --measure p99: the phases are open-loop"
                    + " (--saturation-clients sets the closed loop that finds stock's saturation)");
        }
        if (measure != Measure.P99 && given.containsKey("saturation-clients")) {
            throw new IllegalArgumentException("--saturation-clients goes with --measure p99");
        }
    }

    private static void checkSeeding(LoadOptions options, Seeding seeding) {
        if (options.database != Database.POSTGRES) {
            throw new IllegalArgumentException("--seed-users needs --db postgres (the seeded database is a PostgreSQL)");
        }
        if (options.users > seeding.smallUsers || seeding.smallUsers > seeding.users) {
            throw new IllegalArgumentException("--users (" + options.users + ") <= --seed-small-users ("
                    + seeding.smallUsers + ") <= --seed-users (" + seeding.users + "): the measured users are in both realms");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
        for (E constant : type.getEnumConstants()) {
            if (optionName(constant).equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("--" + name + " is one of " + List.of(type.getEnumConstants()).stream()
                .map(LoadOptions::optionName).toList() + ", not " + value);
    }

    /** How a constant is spelt on the command line: {@code NEW_DEVICE} is {@code new-device}. */
    public static String optionName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static int integer(Map<String, String> given, String name, int fallback, int min, int max) {
        String value = given.get(name);
        int parsed;
        try {
            parsed = value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            parsed = Integer.MIN_VALUE;
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("--" + name + " is a whole number from " + min + " to " + max + ", not " + value);
        }
        return parsed;
    }

    private static double share(String value) {
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        if (!(parsed >= 0 && parsed <= 1)) {
            throw new IllegalArgumentException("--new-devices is a share from 0 to 1, not " + value);
        }
        return parsed;
    }
}
