package dev.vigil.risk.geoip;

/**
 * The autonomous system an address belongs to.
 *
 * @param organisation registered name of the AS, may be null
 */
public record NetworkOwner(long asn, String organisation) {
}
