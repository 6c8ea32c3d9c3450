package dev.vigil.api.settings;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The one way Vigil reads a step's settings (the string map of an authenticator config): a blank or missing value
 * takes the default, anything else must be in range or the read fails with an {@link InvalidSetting} naming the
 * field and its range. Never a silent fallback: the same reader refuses the save and fails the sign-in safe.
 */
public final class SettingsReader {

    /** Keycloak joins the values of a multivalued setting with "##". */
    public static final String LIST_DELIMITER = "##";

    /** No setting of a Vigil step is longer; a longer value is a paste accident or an attack on the store. */
    public static final int MAX_TEXT = 1024;
    /** A multivalued setting holds at most this much in all (e.g. a thousand CIDRs). */
    public static final int MAX_LIST_TEXT = 32 * MAX_TEXT;

    private final Map<String, String> values;

    private SettingsReader(Map<String, String> values) {
        this.values = values;
    }

    public static SettingsReader of(Map<String, String> config) {
        Map<String, String> present = new HashMap<>();
        if (config != null) {
            config.forEach((key, value) -> {
                if (key != null && value != null && !value.isBlank()) {
                    present.put(key, value.trim());
                }
            });
        }
        return new SettingsReader(present);
    }

    public int integer(String key, int fallback, int min, int max) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String range = "a whole number from " + min + " to " + max;
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like a number out of range
        }
        throw InvalidSetting.of(key, value, range);
    }

    public double decimal(String key, double fallback, double min, double max) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String range = "a number from " + plain(min) + " to " + plain(max);
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= min && parsed <= max) { // false for NaN
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw InvalidSetting.of(key, value, range);
    }

    /** A whole number of {@code unit}s (e.g. seconds, days) from {@code min} to {@code max}. */
    public Duration duration(String key, ChronoUnit unit, int fallback, int min, int max) {
        return Duration.of(integer(key, fallback, min, max), unit);
    }

    public boolean flag(String key, boolean fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw InvalidSetting.of(key, value, "true or false");
    }

    /** One of {@code options}, compared as typed (the admin console offers them in a list). */
    public String option(String key, String fallback, List<String> options) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (options.contains(value)) {
            return value;
        }
        throw InvalidSetting.of(key, value, "one of " + String.join(", ", options));
    }

    /** A constant of {@code type}, by name, case-insensitive. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw InvalidSetting.of(key, value, "one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** Free text of at most {@code maxLength} characters, without control characters. */
    public String text(String key, String fallback, int maxLength) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.length() <= maxLength && value.chars().noneMatch(Character::isISOControl)) {
            return value;
        }
        throw InvalidSetting.of(key, value, "text of at most " + maxLength + " characters");
    }

    /** Text matching {@code valid}, described to the admin as {@code range}. */
    public String text(String key, String fallback, Predicate<String> valid, String range) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.length() <= MAX_TEXT && valid.test(value)) {
            return value;
        }
        throw InvalidSetting.of(key, value, range);
    }

    /**
     * A multivalued setting (items joined with "##"; commas and blanks separate items too when {@code commas}):
     * at most {@code maxItems} distinct items, each matching {@code valid}.
     */
    public List<String> list(String key, List<String> fallback, int maxItems, boolean commas, Predicate<String> valid,
                             String itemRange) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String separators = commas ? LIST_DELIMITER + "|[,\\s]+" : LIST_DELIMITER;
        List<String> items = Arrays.stream(value.split(separators)).map(String::trim).filter(item -> !item.isEmpty())
                .distinct().toList();
        String range = "at most " + maxItems + " items, each " + itemRange;
        if (value.length() > MAX_LIST_TEXT || items.size() > maxItems) {
            throw InvalidSetting.of(key, value, range);
        }
        for (String item : items) {
            if (!valid.test(item)) {
                throw InvalidSetting.of(key, item, range);
            }
        }
        return items;
    }

    /**
     * A secret's place: empty (the server's environment supplies it) or a Keycloak vault reference
     * {@code ${vault.key}}, never the secret itself, which realm exports and the admin console would show.
     */
    public String vaultReference(String key) {
        String value = values.get(key);
        if (value == null) {
            return "";
        }
        if (value.matches("\\$\\{vault\\.[A-Za-z0-9_.\\-]{1,200}}")) {
            return value;
        }
        throw InvalidSetting.secret(key, "a vault reference ${vault.key} (or empty), never the secret itself");
    }

    /** Upper-cased two-letter region codes, e.g. for lists of countries. */
    public static boolean isRegionCode(String value) {
        return value.length() == 2 && value.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z');
    }

    public static Set<String> upperCase(List<String> items) {
        return items.stream().map(item -> item.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
