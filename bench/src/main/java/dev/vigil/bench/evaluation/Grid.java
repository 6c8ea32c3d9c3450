package dev.vigil.bench.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.vigil.bench.synthetic.AttackerModel;
import dev.vigil.bench.synthetic.Diversity;
import dev.vigil.bench.synthetic.LoginGenerator;
import dev.vigil.bench.synthetic.LoginGenerator.Event;
import dev.vigil.risk.model.FreemanModel;
import dev.vigil.risk.model.ModelSettings;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.RiskPolicy;
import dev.vigil.risk.model.calibration.CalibrationTarget;

/**
 * The evaluation across realm sizes and diversity (issue 13, point 3): for each number of users and each world,
 * every cookie-loss rate, at the server's defaults (or with another recognized-device step), one row of the share of attacks stepped up or denied and the
 * median (mean) legitimate user's re-authentication rate after 12 and after 40 logins. Every user's logins build
 * the realm's counts; at most {@code sample} users are scored, with their attacks, so that 20,000 users cost
 * about as much as 2,000 to score.
 */
final class Grid {

    static final List<Integer> USERS = List.of(20, 200, 2_000, 20_000);
    static final List<Double> COOKIE_LOSSES = List.of(0.0, 0.1, 1.0);

    private Grid() {
    }

    /** @param calibration null: the policy's fixed thresholds; otherwise each realm's own ({@link GridCalibration}) */
    static void run(List<Integer> userCounts, int sample, long seed, int attacks, int window, PolicySettings policy,
                    CalibrationTarget calibration) {
        FreemanModel model = new FreemanModel(ModelSettings.defaults());
        GridCalibration calibrated = calibration == null ? null : new GridCalibration(model, policy, calibration);
        int logins = Evaluation.CHECKPOINTS.get(Evaluation.CHECKPOINTS.size() - 1) + window;
        System.out.printf(Locale.ROOT, "Grid: %d logins per user, %d attacks per model, scored user and checkpoint, "
                        + "seed %d; MEDIUM from %s, HIGH from %s, remembered device lowers by %d, recognized device by %d; "
                        + "at most %d users scored per realm%n", logins, attacks, seed, policy.mediumThreshold(),
                policy.highThreshold(), policy.rememberedDeviceSteps(), policy.recognizedDeviceSteps(), sample);
        if (calibrated != null) {
            System.out.printf(Locale.ROOT, "Thresholds calibrated per realm for %s (the replay's own cookies and "
                    + "refusals at the fixed ones); exp-: on the calibration's sample; 40: held out%n", calibration);
            GridCalibration.header();
        } else {
            System.out.printf(Locale.ROOT, "%7s %6s %7s | %7s %7s %8s | %7s %7s %8s | %14s %14s | %6s%n", "users", "world",
                "no-cookie", "naive12", "VPN12", "target12", "naive40", "VPN40", "target40", "median(mean)12",
                "median(mean)40", "HIGH");
        }
        for (int users : userCounts) {
            for (Diversity diversity : Diversity.values()) {
                long started = System.nanoTime();
                int scored = Math.min(users, sample);
                LoginGenerator generator = new LoginGenerator(seed, diversity);
                List<Event> events = new ArrayList<>();
                for (int user = 0; user < users; user++) {
                    events.addAll(generator.events(user, logins, Evaluation.CHECKPOINTS, user < scored ? attacks : 0));
                }
                Replay replay = new Replay(model, Evaluation.CHECKPOINTS, window, Set.of(), COOKIE_LOSSES, seed,
                        new RiskPolicy(policy), user -> user < scored);
                List<List<Replay.Sample>> perRate = replay.runEach(events, users);
                for (int rate = 0; rate < COOKIE_LOSSES.size(); rate++) {
                    if (calibrated != null) {
                        calibrated.row(users, diversity.name().toLowerCase(Locale.ROOT), COOKIE_LOSSES.get(rate),
                                events, replay, rate, scored, perRate.get(rate));
                        continue;
                    }
                    Rates early = Rates.of(perRate.get(rate), Evaluation.CHECKPOINTS.get(0), policy);
                    Rates late = Rates.of(perRate.get(rate), Evaluation.CHECKPOINTS.get(1), policy);
                    System.out.printf(Locale.ROOT, "%7d %6s %8.0f%% | %s | %s | %14s %14s | %5.2f%%%n", users,
                            diversity.name().toLowerCase(Locale.ROOT), 100 * COOKIE_LOSSES.get(rate), attacks(early),
                            attacks(late), legitimate(early), legitimate(late),
                            100 * (early.legitimateHigh() + late.legitimateHigh()) / 2);
                }
                System.err.printf(Locale.ROOT, "  (%d users, %s: %.0f s)%n", users, diversity,
                        (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static String attacks(Rates rates) {
        return String.format(Locale.ROOT, "%6.2f%% %6.2f%% %7.2f%%", 100 * rates.attacksCaught().get(AttackerModel.NAIVE),
                100 * rates.attacksCaught().get(AttackerModel.VPN), 100 * rates.attacksCaught().get(AttackerModel.TARGETED));
    }

    private static String legitimate(Rates rates) {
        return String.format(Locale.ROOT, "%.0f%% (%.1f%%)", 100 * rates.medianReauthentication(),
                100 * rates.meanReauthentication());
    }
}
