package io.team365.imports.internal.mapping;

import java.util.Locale;
import java.util.Optional;

/**
 * Normalises imported values: emails lower-cased and validated, phones to E.164 with a default region, company
 * domains from emails and websites.
 *
 * <p>PLACEHOLDER (to be replaced with libphonenumber and real checks).
 */
public final class Normalise {

    private Normalise() {}

    /** The address lower-cased, or empty when it is not an email address. */
    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        return s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? Optional.of(s) : Optional.empty();
    }

    /** The number in E.164 ({@code +4930123456}), or empty when it is not a phone number for that region. */
    public static Optional<String> phone(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[^0-9+]", "");
        return digits.length() >= 6 ? Optional.of(digits) : Optional.empty();
    }

    /** A bare host name ({@code acme.com}) from a website or URL, or empty. */
    public static Optional<String> domainOfWebsite(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip()
                .toLowerCase(Locale.ROOT)
                .replaceFirst("^[a-z]+://", "")
                .replaceFirst("^www\\.", "");
        int slash = s.indexOf('/');
        s = slash < 0 ? s : s.substring(0, slash);
        return s.contains(".") ? Optional.of(s) : Optional.empty();
    }

    /** The domain of an email address when it is a company's (not a free-mail provider's), or empty. */
    public static Optional<String> companyDomainOfEmail(String email) {
        return email(email).map(e -> e.substring(e.indexOf('@') + 1));
    }
}
