package dev.vigil.risk.model;

import java.util.List;

/**
 * The model's verdict on one login.
 *
 * @param value         the risk RATIO (not its logarithm): how much likelier the login is under attack than
 *                      legitimate, relative to the prior; 1 is neutral, 100 means a hundred times likelier
 * @param contributions each signal's factor; their product is {@code value}
 */
public record Score(double value, List<Contribution> contributions) {

    public Score {
        contributions = List.copyOf(contributions);
    }
}
