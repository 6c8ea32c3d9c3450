package dev.vigil.risk.geoip;

/**
 * What kind of anonymizing network an address belongs to.
 *
 * @param anonymous true if any of the other flags is (MaxMind's summary flag)
 * @param hosting   hosting or VPS provider: traffic from a data centre rather than a person
 */
public record AnonymizerFlags(boolean anonymous, boolean vpn, boolean torExit, boolean publicProxy,
                              boolean hosting, boolean residentialProxy) {
}
