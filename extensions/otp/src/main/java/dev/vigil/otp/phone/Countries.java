package dev.vigil.otp.phone;

import java.util.List;

/** Where codes may be sent unless a realm says otherwise: a guard against SMS pumping to far-away premium ranges. */
public final class Countries {

    /** The EEA (EU 27 + IS, LI, NO), Switzerland, the United Kingdom, the United States and Canada. */
    public static final List<String> DEFAULT_ALLOWED = List.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO",
            "CH", "GB", "US", "CA");

    private Countries() {
    }
}
