package dev.vigil.otp.code;

import java.util.Locale;

/** The characters a code is drawn from. */
public enum CodeAlphabet {
    DIGITS("0123456789"),
    /** Upper-case letters and digits without the look-alikes 0/O, 1/I/L: easy to read out and type. */
    ALPHANUMERIC("23456789ABCDEFGHJKMNPQRSTUVWXYZ");

    private final String characters;

    CodeAlphabet(String characters) {
        this.characters = characters;
    }

    String characters() {
        return characters;
    }

    /** What the user typed, as it was generated: spaces and dashes dropped, letters upper-cased. */
    public String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String compact = typed.replaceAll("[\\s-]", "");
        return this == ALPHANUMERIC ? compact.toUpperCase(Locale.ROOT) : compact;
    }

    public static CodeAlphabet from(String value) {
        return "alphanumeric".equalsIgnoreCase(value) ? ALPHANUMERIC : DIGITS;
    }
}
