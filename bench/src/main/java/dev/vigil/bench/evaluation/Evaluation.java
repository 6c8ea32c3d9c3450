package dev.vigil.bench.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.vigil.api.history.Feature;
import dev.vigil.bench.synthetic.AttackerModel;
import dev.vigil.bench.synthetic.Diversity;
import dev.vigil.bench.synthetic.LoginGenerator;
import dev.vigil.bench.synthetic.LoginGenerator.Event;
import dev.vigil.risk.model.FreemanModel;
import dev.vigil.risk.model.ModelSettings;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.RiskPolicy;

/**
 * The evaluation of issue 4: synthetic histories replayed through the server's {@link FreemanModel} and
 * {@link dev.vigil.risk.model.RiskPolicy} at their defaults, with the attacker models of Wiefling et al.
 * Prints, after 12 and 40 prior logins, the share of attacks stepped up or denied per attacker model and the
 * median (and mean) legitimate user's re-authentication rate over their next logins; writes the trade-off PNG.
 * <p>
 * Options: {@code --users N} (2000), {@code --seed S} (4), {@code --attacks K} per model, user and checkpoint (5),
 * {@code --window W} legitimate logins per checkpoint (10), {@code --cookie-loss P} share of legitimate logins
 * made without the device's remembered-device cookie (0.1; 1: no remembered devices at all), {@code --png FILE},
 * {@code --csv FILE} (the generated logins in the RBA dataset's columns), {@code --sweep yes}; {@code --grid yes}
 * (or {@code --grid 20,200}) prints instead the {@link Grid} across realm sizes, diversity and cookie loss, scoring
 * at most {@code --sample N} users per realm (2000); {@code --recognized-device-steps 0} runs it as the server did
 * before devices were recognized without their cookie; {@code --calibrate catch:0.99} (or {@code step-up:0.10}) runs the
 * grid with thresholds each realm derives from its own data ({@link GridCalibration}).
 */
public final class Evaluation {

    static final List<Integer> CHECKPOINTS = List.of(12, 40);
    /** MEDIUM thresholds swept: 1e-8 to 1e4, ten per decade. */
    static final int SWEEP_STEPS = 121;

    private Evaluation() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        int users = Integer.parseInt(options.getOrDefault("users", "2000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "4"));
        int attacks = Integer.parseInt(options.getOrDefault("attacks", "5"));
        int window = Integer.parseInt(options.getOrDefault("window", "10"));
        double cookieLoss = Double.parseDouble(options.getOrDefault("cookie-loss", "0.1"));
        if (!(cookieLoss >= 0 && cookieLoss <= 1)) {
            throw new IllegalArgumentException("--cookie-loss is a share from 0 to 1, not " + cookieLoss);
        }
        Path png = Path.of(options.getOrDefault("png", "bench/target/risk-evaluation.png"));
        if (options.containsKey("calibrate") && !options.containsKey("grid")) {
            throw new IllegalArgumentException("--calibrate runs with --grid (e.g. --grid 200,2000 --calibrate catch:0.99)");
        }
        if (options.containsKey("grid")) {
            List<Integer> sizes = options.get("grid").equals("yes") ? Grid.USERS
                    : Arrays.stream(options.get("grid").split(",")).map(Integer::valueOf).toList();
            PolicySettings defaults = PolicySettings.defaults();
            PolicySettings gridPolicy = defaults.withDeviceSteps(defaults.rememberedDeviceSteps(), Integer.parseInt(
                    options.getOrDefault("recognized-device-steps", String.valueOf(defaults.recognizedDeviceSteps()))));
            Grid.run(sizes, Integer.parseInt(options.getOrDefault("sample", "2000")), seed, attacks, window, gridPolicy,
                    options.containsKey("calibrate") ? GridCalibration.target(options.get("calibrate")) : null);
            return;
        }

        LoginGenerator generator = new LoginGenerator(seed, Diversity.RICH);
        List<Event> events = new ArrayList<>();
        int logins = CHECKPOINTS.get(CHECKPOINTS.size() - 1) + window;
        for (int user = 0; user < users; user++) {
            events.addAll(generator.events(user, logins, CHECKPOINTS, attacks));
        }
        if (options.containsKey("csv")) {
            writeCsv(Path.of(options.get("csv")), events);
        }
        System.out.printf(Locale.ROOT, "%d users, %d logins each, %d attacks per model, user and checkpoint, seed %d%n",
                users, logins, attacks, seed);
        System.out.println(cookieLoss >= 1 ? "No remembered-device cookies (--cookie-loss 1)."
                : String.format(Locale.ROOT, "Remembered-device cookie per device, valid %d days after its last "
                + "successful use; %.0f%% of legitimate logins made without it (--cookie-loss %s); attacks never "
                + "have it.", Replay.COOKIE_PERIOD.toDays(), 100 * cookieLoss, cookieLoss));

        PolicySettings policy = PolicySettings.defaults();
        FreemanModel model = new FreemanModel(ModelSettings.defaults());
        Map<String, Set<Feature>> variants = new LinkedHashMap<>();
        variants.put("server defaults, every user sends the fingerprint", Set.of());
        variants.put("server defaults, no user sends the fingerprint (no consent, or no JavaScript)",
                Set.of(Feature.FINGERPRINT));
        List<Replay.Sample> defaultSamples = null;
        for (Map.Entry<String, Set<Feature>> variant : variants.entrySet()) {
            List<Replay.Sample> samples = new Replay(model, CHECKPOINTS, window, variant.getValue(),
                    cookieLoss, seed, new RiskPolicy(policy)).run(events, users);
            defaultSamples = defaultSamples == null ? samples : defaultSamples;
            System.out.printf(Locale.ROOT, "%n%s (MEDIUM from score %s, HIGH from %s):%n", variant.getKey(),
                    policy.mediumThreshold(), policy.highThreshold());
            print(samples, policy);
        }

        Map<Integer, List<Rates>> sweeps = new TreeMap<>();
        Map<Integer, Rates> defaults = new TreeMap<>();
        for (int checkpoint : CHECKPOINTS) {
            List<Rates> sweep = new ArrayList<>();
            for (int step = 0; step < SWEEP_STEPS; step++) {
                double threshold = sweepThreshold(step);
                PolicySettings swept = policy.withThresholds(threshold, Math.max(threshold, policy.highThreshold()));
                sweep.add(Rates.of(defaultSamples, checkpoint, swept));
            }
            sweeps.put(checkpoint, sweep);
            defaults.put(checkpoint, Rates.of(defaultSamples, checkpoint, policy));
        }
        if (options.containsKey("sweep")) {
            printSweep(sweeps);
        }
        TradeOffChart.write(png, sweeps, defaults, cookieLoss >= 1 ? "recognized devices, no cookies"
                : String.format(Locale.ROOT, "remembered and recognized devices, %.0f%% of logins without the cookie", 100 * cookieLoss));
        System.out.printf(Locale.ROOT, "%nTrade-off plot: %s%n", png);
    }

    private static void print(List<Replay.Sample> samples, PolicySettings policy) {
        System.out.printf(Locale.ROOT, "  %-22s %10s %10s %10s %22s %20s%n", "prior logins", "naive", "VPN",
                "targeted", "legit re-auth median", "legit re-auth mean");
        for (int checkpoint : CHECKPOINTS) {
            Rates rates = Rates.of(samples, checkpoint, policy);
            System.out.printf(Locale.ROOT, "  %-22s %9.2f%% %9.2f%% %9.2f%% %21.1f%% %19.1f%%%n",
                    "after " + checkpoint, 100 * rates.attacksCaught().get(AttackerModel.NAIVE),
                    100 * rates.attacksCaught().get(AttackerModel.VPN),
                    100 * rates.attacksCaught().get(AttackerModel.TARGETED),
                    100 * rates.medianReauthentication(), 100 * rates.meanReauthentication());
        }
        for (int checkpoint : CHECKPOINTS) {
            Rates rates = Rates.of(samples, checkpoint, policy);
            System.out.printf(Locale.ROOT, "  %-22s %9.2f%% %9.2f%% %9.2f%% %21s %19.2f%%%n",
                    "HIGH, after " + checkpoint, 100 * rates.attacksHigh().get(AttackerModel.NAIVE),
                    100 * rates.attacksHigh().get(AttackerModel.VPN),
                    100 * rates.attacksHigh().get(AttackerModel.TARGETED), "", 100 * rates.legitimateHigh());
        }
    }

    static double sweepThreshold(int step) {
        return Math.pow(10, -8 + step / 10.0);
    }

    /** Every fifth threshold of the sweep, to choose the defaults from. */
    private static void printSweep(Map<Integer, List<Rates>> sweeps) {
        sweeps.forEach((checkpoint, rates) -> {
            System.out.printf(Locale.ROOT, "%nSweep of the MEDIUM threshold after %d logins:%n", checkpoint);
            System.out.printf(Locale.ROOT, "  %10s %9s %9s %9s %8s %8s%n", "threshold", "naive", "VPN", "targeted",
                    "median", "mean");
            for (int i = 0; i < rates.size(); i += 2) {
                Rates r = rates.get(i);
                System.out.printf(Locale.ROOT, "  %10.4g %8.2f%% %8.2f%% %8.2f%% %7.1f%% %7.1f%%%n",
                        sweepThreshold(i), 100 * r.attacksCaught().get(AttackerModel.NAIVE),
                        100 * r.attacksCaught().get(AttackerModel.VPN),
                        100 * r.attacksCaught().get(AttackerModel.TARGETED), 100 * r.medianReauthentication(),
                        100 * r.meanReauthentication());
            }
        });
    }

    private static void writeCsv(Path csv, List<Event> events) throws IOException {
        Files.createDirectories(csv.toAbsolutePath().getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
            out.println(dev.vigil.bench.synthetic.Login.CSV_HEADER);
            events.stream().sorted(java.util.Comparator.comparing(event -> event.login().at()))
                    .forEach(event -> out.println(event.login().csv()));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs; bad: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
