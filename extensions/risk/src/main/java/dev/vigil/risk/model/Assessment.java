package dev.vigil.risk.model;

import java.util.List;

/**
 * The policy's decision on one login.
 *
 * @param score   the final risk ratio (the model's score times the policy's factors, such as the hour of day)
 * @param level   LOW, MEDIUM or HIGH
 * @param reasons why, the rules that decided first, then the signals from the most to the least raising
 */
public record Assessment(double score, RiskLevel level, List<Reason> reasons) {

    public Assessment {
        reasons = List.copyOf(reasons);
    }

    /** The reason codes alone, e.g. for an event detail or the sign-in history. */
    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
