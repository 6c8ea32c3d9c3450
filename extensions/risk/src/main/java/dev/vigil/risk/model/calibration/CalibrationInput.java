package dev.vigil.risk.model.calibration;

import java.util.List;

import dev.vigil.api.history.SignIn;
import dev.vigil.risk.model.Population;

/**
 * What the calibration learns from, as the server keeps it: the realm's counts and a bounded sample of users'
 * sign-in histories, each oldest first, in stored form (keyed hashes, and the reason codes the policy recorded,
 * from which the remembered-device cookie and the rules that fired are read back). Denied sign-ins may be included;
 * they are skipped.
 *
 * @param population the realm's counts over successful logins
 * @param histories  one list of sign-ins per sampled user, oldest first
 */
public record CalibrationInput(Population population, List<List<SignIn>> histories) {

    public CalibrationInput {
        histories = histories.stream().map(List::copyOf).toList();
    }
}
