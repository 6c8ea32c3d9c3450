package dev.vigil.api.settings;

/**
 * A setting of a Vigil step whose value is out of its range: raised by {@link SettingsReader}, refused when the
 * admin saves it ({@link SettingsSaveFilter}), and failed safe at sign-in time ({@link BadSettings}).
 * The message names the field and its range; a secret's value is never part of it.
 */
public final class InvalidSetting extends IllegalArgumentException {

    /** Values longer than this are cut in the message: the message goes to the admin console and the log. */
    private static final int SHOWN_VALUE = 40;

    private final String field;
    private final String range;

    private InvalidSetting(String field, String shownValue, String range) {
        super("Setting " + field + " must be " + range + (shownValue == null ? "" : ", was '" + shownValue + "'"));
        this.field = field;
        this.range = range;
    }

    public static InvalidSetting of(String field, String value, String range) {
        return new InvalidSetting(field, shown(value), range);
    }

    /** For a secret typed where only a reference belongs: the value is not repeated anywhere. */
    public static InvalidSetting secret(String field, String range) {
        return new InvalidSetting(field, null, range);
    }

    public String field() {
        return field;
    }

    public String range() {
        return range;
    }

    private static String shown(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > SHOWN_VALUE ? printable.substring(0, SHOWN_VALUE) + "..." : printable;
    }
}
