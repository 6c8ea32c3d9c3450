package dev.vigil.risk.model;

/**
 * Why a login got its level, for the event, the admin and the user.
 *
 * @param code         stable code, e.g. {@code new-ip}, {@code impossible-travel}, {@code tor}, {@code deny-list},
 *                     {@code few-logins}, {@code unusual-hour}
 * @param contribution the factor it multiplied the score by (above 1 raises, below 1 lowers); 1 for a rule that
 *                     sets or lowers the level rather than the score
 */
public record Reason(String code, double contribution) {
}
