package io.team365.companies.internal;

import io.team365.companies.Company;
import io.team365.companies.CompanyFields;
import io.team365.core.Tags;
import io.team365.core.Validation;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks and tidies a company's fields, naming every field that is wrong. */
final class CompanyValidation {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    private CompanyValidation() {}

    /** The fields cleaned up (trimmed, domain normalised, country upper-cased), or every problem at once. */
    static CompanyFields check(CompanyFields fields, Set<UUID> members) {
        Validation check = Validation.start();
        String name = check.text("name", fields.name(), 200);
        String domain = null;
        if (fields.domain() != null && !fields.domain().isBlank()) {
            domain = normalisedDomain(fields.domain());
            if (domain == null) {
                check.reject("domain", "company.domain");
            }
        }
        String industry = optionalText(check, "industry", fields.industry(), 100);
        String size = optionalText(check, "size", fields.size(), 20);
        if (size != null && !Company.SIZES.contains(size)) {
            check.reject("size", "company.size", String.join(", ", Company.SIZES));
        }
        Company.Address address = address(check, fields.address());
        String phone = optionalText(check, "phone", fields.phone(), 50);
        String website = optionalText(check, "website", fields.website(), 500);
        if (website != null && !isWebAddress(website)) {
            check.reject("website", "company.website");
        }
        List<String> tags = Tags.checked(check, fields.tags());
        if (fields.ownerId() != null && !members.contains(fields.ownerId())) {
            check.reject("ownerId", "company.unknown-owner");
        }
        check.throwIfInvalid();
        return new CompanyFields(
                name, domain, industry, size, address, phone, website, fields.ownerId(), tags, fields.customFields());
    }

    /**
     * The bare host name of a domain or web address ({@code https://www.Acme.com:443/about} → {@code acme.com}):
     * lower case, without scheme, user, port, path or a leading {@code www.}; international names in their ASCII
     * form. Null when it is not a host name with at least one dot.
     */
    static String normalisedDomain(String value) {
        if (value == null) {
            return null;
        }
        String host = value.strip().toLowerCase(Locale.ROOT);
        if (host.length() > 1000 || host.chars().anyMatch(c -> c <= 0x20)) {
            return null;
        }
        host = host.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        int end = indexOfAny(host, "/?#");
        host = end < 0 ? host : host.substring(0, end);
        host = host.substring(host.lastIndexOf('@') + 1);
        host = host.replaceFirst(":\\d{0,5}$", "");
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        try {
            host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAHostName) {
            return null;
        }
        String[] labels = host.split("\\.", -1);
        if (host.length() > 253
                || labels.length < 2
                || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return host;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null
                    && (uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Company.Address address(Validation check, Company.Address address) {
        String street = optionalText(check, "address.street", address.street(), 200);
        String city = optionalText(check, "address.city", address.city(), 100);
        String region = optionalText(check, "address.region", address.region(), 100);
        String postalCode = optionalText(check, "address.postalCode", address.postalCode(), 20);
        String country = address.country() == null || address.country().isBlank()
                ? null
                : address.country().strip().toUpperCase(Locale.ROOT);
        if (country != null && !COUNTRIES.contains(country)) {
            check.reject("address.country", "company.country");
        }
        return new Company.Address(street, city, region, postalCode, country);
    }

    private static String optionalText(Validation check, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return check.text(field, value, max);
    }
}
