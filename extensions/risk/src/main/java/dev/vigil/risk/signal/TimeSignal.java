package dev.vigil.risk.signal;

import dev.vigil.risk.model.UsualHours;

/**
 * The hour of the login in the user's usual time zone (learned from their history), against their usual hours
 * by circular statistics: the factor the rules weigh as "unusual hour".
 */
final class TimeSignal implements RiskSignal {

    @Override
    public void observe(LoginContext login, Evidence evidence) {
        evidence.hourFactor(UsualHours.learn(login.history()).factor(login.now()));
    }
}
