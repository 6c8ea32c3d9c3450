package dev.vigil.otp.phone;

import java.util.Locale;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Parses what a user typed into a number that can receive sign-in codes: valid, E.164, a mobile (or a
 * number whose plan cannot tell mobile from fixed line, as in North America), not premium-rate, in an
 * allowed country.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<PhoneNumberType> RECEIVES_SMS = Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);
    private static final int MAX_INPUT_LENGTH = 40;

    private PhoneNumbers() {
    }

    /**
     * @param input          what the user typed, national or international
     * @param defaultRegion  ISO 3166 region for national input; empty: an international (+) number is required
     * @param allowedRegions regions that may receive codes; empty: any
     */
    public static PhoneCheck check(String input, String defaultRegion, Set<String> allowedRegions) {
        if (input == null || input.isBlank() || input.length() > MAX_INPUT_LENGTH) {
            return PhoneCheck.refused(PhoneCheck.Refusal.INVALID);
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(input.trim(), defaultRegion == null || defaultRegion.isBlank()
                    ? "ZZ" : defaultRegion.trim().toUpperCase(Locale.ROOT));
        } catch (NumberParseException e) {
            return PhoneCheck.refused(PhoneCheck.Refusal.INVALID);
        }
        if (!UTIL.isValidNumber(number)) {
            return PhoneCheck.refused(PhoneCheck.Refusal.INVALID);
        }
        PhoneNumberType type = UTIL.getNumberType(number);
        if (type == PhoneNumberType.PREMIUM_RATE) {
            return PhoneCheck.refused(PhoneCheck.Refusal.PREMIUM_RATE);
        }
        if (!RECEIVES_SMS.contains(type)) {
            return PhoneCheck.refused(PhoneCheck.Refusal.NOT_MOBILE);
        }
        String region = UTIL.getRegionCodeForNumber(number);
        if (!allowedRegions.isEmpty() && !allowedRegions.contains(region)) {
            return PhoneCheck.refused(PhoneCheck.Refusal.COUNTRY_NOT_ALLOWED);
        }
        return PhoneCheck.accepted(UTIL.format(number, PhoneNumberFormat.E164), region);
    }

    /** The region (ISO 3166) of an E.164 number, or "ZZ" when unknown. */
    public static String regionOf(String e164) {
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
            return region == null ? "ZZ" : region;
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }

    /**
     * The number as its owner recognises it, digits hidden but the country code, the first national digit
     * and the last two: {@code +33 6** ** ** 78}, {@code +1 2**-***-**23}.
     */
    public static String masked(String e164) {
        String international;
        try {
            international = UTIL.format(UTIL.parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return "***";
        }
        int space = international.indexOf(' ');
        if (space < 0) {
            return "***";
        }
        String national = international.substring(space + 1);
        // A one-digit leading group ("6 12 34 56 78") reads better glued to the next once masked.
        if (national.length() > 2 && national.charAt(1) == ' ') {
            national = national.charAt(0) + national.substring(2);
        }
        int digits = (int) national.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder(international.substring(0, space + 1));
        int seen = 0;
        for (char c : national.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen == 1 || seen > digits - 2 ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
