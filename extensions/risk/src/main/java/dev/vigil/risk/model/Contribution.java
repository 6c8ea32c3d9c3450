package dev.vigil.risk.model;

/**
 * One signal's share of a {@link Score}: the score is the product of every contribution's factor.
 *
 * @param signal  the feature group ({@code network}, {@code device}, ...) or {@code user} for the prior
 * @param factor  its multiplicative factor: above 1 it raised the risk, below 1 it lowered it
 * @param novelty the stable reason code of the most general level the user had never used, e.g.
 *                {@code new-country}, or null when the value was seen before
 */
public record Contribution(String signal, double factor, String novelty) {

    public Contribution(String signal, double factor) {
        this(signal, factor, null);
    }
}
