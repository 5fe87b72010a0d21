package io.team365.imports.internal.mapping;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Phone numbers to E.164 with libphonenumber. Its {@code parse} runs many regular expressions (several microseconds a
 * number, too slow for imports of a million rows with two or three phones each), so numbers written only with digits
 * and the usual punctuation take a short way: the digits are split into country code and national number here and
 * only libphonenumber's validity check runs. Anything else (letters, extensions, {@code (0)}, leading zeros of the
 * national number, and every number the short way does not find valid) takes libphonenumber's full parse.
 */
final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<String> REGIONS = Set.copyOf(UTIL.getSupportedRegions());

    private Phones() {}

    static Optional<String> e164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String region = defaultRegion == null || defaultRegion.isBlank()
                ? "ZZ"
                : defaultRegion.strip().toUpperCase(Locale.ROOT);
        String s = raw.strip();
        if (s.regionMatches(true, 0, "tel:", 0, 4)) {
            s = s.substring(4).strip();
        }
        Optional<String> quick = quick(s, region);
        if (quick != null) {
            return quick;
        }
        return thorough(s, region);
    }

    /** The short way; null when the number needs the full parse. */
    private static Optional<String> quick(String s, String region) {
        boolean international = false;
        int start = 0;
        if (s.startsWith("+")) {
            international = true;
            start = 1;
        } else if (s.startsWith("00")) {
            international = true;
            start = 2;
        }
        char[] digits = new char[s.length()];
        int n = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits[n++] = c;
            } else if (!(c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')')) {
                return null;
            }
        }
        if (n < 4 || n > 17) {
            return null;
        }
        if (international) {
            if (digits[0] == '0') {
                return null;
            }
            for (int length = 1; length <= 3 && length < n; length++) {
                int code = Integer.parseInt(new String(digits, 0, length));
                if (!UTIL.getRegionCodeForCountryCode(code).equals("ZZ")) {
                    return check(code, digits, length, n);
                }
            }
            return null;
        }
        if (!REGIONS.contains(region)) {
            return null;
        }
        int code = UTIL.getCountryCodeForRegion(region);
        String prefix = UTIL.getNddPrefixForRegion(region, true);
        if (prefix != null
                && !prefix.isEmpty()
                && n > prefix.length()
                && new String(digits, 0, prefix.length()).equals(prefix)) {
            Optional<String> stripped = check(code, digits, prefix.length(), n);
            if (stripped != null) {
                return stripped;
            }
        }
        return check(code, digits, 0, n);
    }

    /**
     * The number of {@code code} with the national digits {@code from..to} when libphonenumber calls it valid; null
     * otherwise, for the full parse to decide (it knows more ways to write a number than this short way).
     */
    private static Optional<String> check(int code, char[] digits, int from, int to) {
        if (to - from < 2 || to - from > 17 || digits[from] == '0') {
            return null; // a national number with a leading zero (Italy) needs the full parse
        }
        long national = Long.parseLong(new String(digits, from, to - from));
        PhoneNumber number = new PhoneNumber().setCountryCode(code).setNationalNumber(national);
        return UTIL.isValidNumber(number) ? Optional.of("+" + code + national) : null;
    }

    private static Optional<String> thorough(String s, String region) {
        String text = s.startsWith("00") ? "+" + s.substring(2) : s;
        try {
            PhoneNumber number = UTIL.parse(text, region);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
