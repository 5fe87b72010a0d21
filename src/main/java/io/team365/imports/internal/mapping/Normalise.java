package io.team365.imports.internal.mapping;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Normalises imported values: emails lower-cased and validated, phones to E.164 with a default region, company
 * domains from emails and websites; amounts and dates of deals are in {@link Amounts} and {@link Dates}. Each method
 * returns empty for a value it cannot make sense of, never throws on bad input. No regular expressions on these paths:
 * they run for every row of million-row imports.
 */
public final class Normalise {

    private Normalise() {}

    /**
     * The address lower-cased, or empty when it is not an email address. Accepts {@code mailto:a@b},
     * {@code <a@b>} and {@code "Name" <a@b>}; an internationalised domain is turned into its ASCII form.
     */
    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        int open = s.lastIndexOf('<');
        if (open >= 0) {
            int close = s.indexOf('>', open);
            if (close < 0) {
                return Optional.empty();
            }
            s = s.substring(open + 1, close).strip();
        }
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7);
            int query = s.indexOf('?');
            s = query < 0 ? s : s.substring(0, query);
        }
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at > 64) {
            return Optional.empty();
        }
        String local = s.substring(0, at).toLowerCase(Locale.ROOT);
        if (!validLocalPart(local)) {
            return Optional.empty();
        }
        return asciiDomain(s.substring(at + 1)).map(domain -> local + "@" + domain);
    }

    /**
     * The number in E.164 ({@code +4930123456}), or empty when it is not a valid phone number. Numbers without a
     * country code are read as numbers of {@code defaultRegion} (an ISO 3166 code such as {@code US} or {@code DE});
     * {@code +} and {@code 00} start an international number; an extension is dropped.
     */
    public static Optional<String> phone(String raw, String defaultRegion) {
        return Phones.e164(raw, defaultRegion);
    }

    /**
     * A bare host name ({@code acme.com}) from a website or URL: scheme, {@code www.}, user, port, path, query and
     * fragment dropped, lower-cased, an internationalised name in its ASCII form. Empty when it is not a host name.
     */
    public static Optional<String> domainOfWebsite(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0 && scheme < 10) {
            s = s.substring(scheme + 3);
        } else if (s.startsWith("//")) {
            s = s.substring(2);
        }
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ' ') {
                end = i;
                break;
            }
        }
        s = s.substring(0, end);
        int at = s.lastIndexOf('@');
        s = at < 0 ? s : s.substring(at + 1);
        int colon = s.indexOf(':');
        s = colon < 0 ? s : s.substring(0, colon);
        if (s.regionMatches(true, 0, "www.", 0, 4)) {
            s = s.substring(4);
        }
        return asciiDomain(s);
    }

    /** The domain of an email address when it is a company's (not a free-mail provider's), or empty. */
    public static Optional<String> companyDomainOfEmail(String email) {
        return email(email)
                .map(e -> e.substring(e.indexOf('@') + 1))
                .filter(d -> !io.team365.core.FreeMail.isFreeMail(d));
    }

    /** An amount of money; see {@link Amounts#parse}. */
    public static Optional<java.math.BigDecimal> amount(String raw) {
        return Amounts.parse(raw);
    }

    /** A date; see {@link Dates#parse(String)}. */
    public static Optional<java.time.LocalDate> date(String raw) {
        return Dates.parse(raw);
    }

    /** A date, reading an ambiguous {@code 03/04/2025} as month first when {@code monthFirst}; see {@link Dates}. */
    public static Optional<java.time.LocalDate> date(String raw, boolean monthFirst) {
        return Dates.parse(raw, monthFirst);
    }

    /**
     * The tags of a tags column: separated by commas, semicolons (Outlook's categories) or {@code :::} (Google's
     * labels), trimmed, without duplicates (ignoring case) and without Google's system groups ({@code * myContacts},
     * {@code * starred}).
     */
    public static java.util.List<String> tags(String raw) {
        if (raw == null || raw.isBlank()) {
            return java.util.List.of();
        }
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
        for (String part : raw.replace(":::", ",").split("[,;]")) {
            String tag = part.strip();
            if (tag.startsWith("* ")) {
                continue;
            }
            if (!tag.isEmpty()) {
                tags.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
            }
        }
        return java.util.List.copyOf(tags.values());
    }

    private static boolean validLocalPart(String local) {
        if (local.isEmpty() || local.length() > 64 || local.startsWith(".") || local.endsWith(".")) {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+/=?^_`{|}~-.".indexOf(c) >= 0
                    || (c > 127 && Character.isLetterOrDigit(c));
            if (!ok || (c == '.' && previous == '.')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** The host name lower-cased and in ASCII (IDNA), with at least two labels; empty when it is not valid. */
    static Optional<String> asciiDomain(String raw) {
        String d = raw.strip();
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.isEmpty() || d.length() > 253) {
            return Optional.empty();
        }
        for (int i = 0; i < d.length(); i++) {
            if (d.charAt(i) > 127) {
                try {
                    d = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
                break;
            }
        }
        d = d.toLowerCase(Locale.ROOT);
        int labels = 0;
        int start = 0;
        boolean digitsOnly = true;
        for (int i = 0; i <= d.length(); i++) {
            if (i == d.length() || d.charAt(i) == '.') {
                int length = i - start;
                if (length == 0 || length > 63 || d.charAt(start) == '-' || d.charAt(i - 1) == '-') {
                    return Optional.empty();
                }
                labels++;
                digitsOnly = true;
                for (int k = start; k < i; k++) {
                    digitsOnly &= Character.isDigit(d.charAt(k));
                }
                start = i + 1;
                continue;
            }
            char c = d.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return Optional.empty();
            }
        }
        // the last label is a top-level domain, never all digits (that would be an IP address)
        return labels >= 2 && !digitsOnly ? Optional.of(d) : Optional.empty();
    }
}
