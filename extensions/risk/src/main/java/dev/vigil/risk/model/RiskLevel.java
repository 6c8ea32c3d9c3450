package dev.vigil.risk.model;

/** What the flow does with a login: LOW passes, MEDIUM steps up, HIGH denies (or steps up and notifies). */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH;

    /** The higher of the two levels. */
    public RiskLevel atLeast(RiskLevel floor) {
        return compareTo(floor) >= 0 ? this : floor;
    }

    /** This level lowered by a number of steps, never below LOW. */
    public RiskLevel lowered(int steps) {
        return values()[Math.max(0, ordinal() - Math.max(0, steps))];
    }
}
