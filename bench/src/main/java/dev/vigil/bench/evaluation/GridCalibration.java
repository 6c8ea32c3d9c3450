package dev.vigil.bench.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.vigil.api.history.SignIn;
import dev.vigil.bench.synthetic.AttackerModel;
import dev.vigil.bench.synthetic.LoginGenerator.Event;
import dev.vigil.risk.model.CountingPopulation;
import dev.vigil.risk.model.FreemanModel;
import dev.vigil.risk.model.PolicySettings;
import dev.vigil.risk.model.calibration.Calibration;
import dev.vigil.risk.model.calibration.CalibrationInput;
import dev.vigil.risk.model.calibration.CalibrationSettings;
import dev.vigil.risk.model.calibration.CalibrationTarget;
import dev.vigil.risk.model.calibration.ThresholdCalibration;

/**
 * The grid with thresholds calibrated per realm ({@code --calibrate catch:0.99} or {@code step-up:0.10}): each
 * realm is calibrated as the server would on the day its users reach {@link #CUT} logins (their first 40 logins as
 * stored, with the cookie and rule reasons of that cookie-loss rate, and the realm's counts then), and the derived
 * thresholds are then applied to what follows: the attacks and logins after 40 are held out, never seen by the
 * calibration; those after 12 fall inside the period it learnt from and are shown for comparison only.
 */
final class GridCalibration {

    /** The calibration runs when the users have this many logins; the checkpoint after it is held out. */
    static final int CUT = 40;

    private final ThresholdCalibration calibration;
    private final CalibrationTarget target;
    private final PolicySettings policy;

    GridCalibration(FreemanModel model, PolicySettings policy, CalibrationTarget target) {
        this.calibration = new ThresholdCalibration(model, policy, CalibrationSettings.defaults());
        this.target = target;
        this.policy = policy;
    }

    /** Parses {@code catch:0.99} or {@code step-up:0.10}. */
    static CalibrationTarget target(String option) {
        String[] parts = option.split(":", 2);
        if (parts.length == 2 && parts[0].equals("catch")) {
            return new CalibrationTarget.CatchTargetedAttacks(Double.parseDouble(parts[1]));
        }
        if (parts.length == 2 && parts[0].equals("step-up")) {
            return new CalibrationTarget.StepUpAtMost(Double.parseDouble(parts[1]));
        }
        throw new IllegalArgumentException("--calibrate catch:SHARE or step-up:SHARE, not " + option);
    }

    static void header() {
        System.out.printf(Locale.ROOT, "%7s %6s %9s | %9s %8s %8s %5s %5s | %7s %7s %8s %14s | %8s %14s%n", "users",
                "world", "no-cookie", "MEDIUM", "exp-catch", "exp-legit", "users", "ms", "naive40", "VPN40",
                "target40", "median(mean)40", "target12", "median(mean)12");
    }

    /** Calibrates the realm of this cookie-loss rate and prints one row. */
    void row(int users, String world, double cookieLoss, List<Event> events, Replay replay, int rate, int scored,
             List<Replay.Sample> samples) {
        CountingPopulation population = new CountingPopulation();
        for (Event event : events) {
            if (event.legitimate() && event.prior() < CUT) {
                population.add(event.login().userId(), event.login().observation());
            }
        }
        List<List<SignIn>> histories = new ArrayList<>(scored);
        for (int user = 0; user < scored; user++) {
            List<SignIn> stored = replay.stored(rate, user);
            histories.add(stored.subList(0, Math.min(CUT, stored.size())));
        }
        long started = System.nanoTime();
        Calibration result = calibration.calibrate(new CalibrationInput(population, histories), target);
        long millis = (System.nanoTime() - started) / 1_000_000;
        PolicySettings derived = policy.withThresholds(result.mediumThreshold(), result.highThreshold());
        Rates late = Rates.of(samples, CUT, derived);
        Rates early = Rates.of(samples, Evaluation.CHECKPOINTS.get(0), derived);
        System.out.printf(Locale.ROOT, "%7d %6s %8.0f%% | %9.3g %8.2f%% %8.1f%% %5d %5d | %6.2f%% %6.2f%% %7.2f%% %14s | %7.2f%% %14s%s%n",
                users, world, 100 * cookieLoss, result.mediumThreshold(), 100 * result.attacksCaught(),
                100 * result.legitimateSteppedUp(), result.users(), millis,
                100 * late.attacksCaught().get(AttackerModel.NAIVE), 100 * late.attacksCaught().get(AttackerModel.VPN),
                100 * late.attacksCaught().get(AttackerModel.TARGETED), legitimate(late),
                100 * early.attacksCaught().get(AttackerModel.TARGETED), legitimate(early),
                result.calibrated() ? "" : "  fixed: " + result.fallback());
    }

    private static String legitimate(Rates rates) {
        return String.format(Locale.ROOT, "%.0f%% (%.1f%%)", 100 * rates.medianReauthentication(),
                100 * rates.meanReauthentication());
    }
}
