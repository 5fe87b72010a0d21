package io.team365.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** A postal address as records keep it: every part optional, the country as an ISO 3166-1 alpha-2 code. */
public record PostalAddress(String street, String city, String region, String postalCode, String country) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public static PostalAddress empty() {
        return new PostalAddress(null, null, null, null, null);
    }

    /** Whether no part is given; not a property of the JSON form. */
    @JsonIgnore
    public boolean isEmpty() {
        return oneLine() == null;
    }

    /** The address on one line, for people and the field history ({@code null} when empty). */
    public String oneLine() {
        String place = String.join(
                        " ", Stream.of(postalCode, city).filter(p -> p != null).toList())
                .strip();
        List<String> parts = Stream.of(street, place, region, country)
                .filter(p -> p != null && !p.isBlank())
                .toList();
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /**
     * The address tidied (trimmed, blanks as null, the country upper-cased), each part bounded; problems are named
     * {@code <field>.street}, {@code <field>.country}, … in {@code check}.
     */
    public static PostalAddress checked(Validation check, String field, PostalAddress address) {
        if (address == null) {
            return empty();
        }
        String country =
                blank(address.country()) ? null : address.country().strip().toUpperCase(Locale.ROOT);
        if (country != null && !COUNTRIES.contains(country)) {
            check.reject(field + ".country", "address.country");
        }
        return new PostalAddress(
                optional(check, field + ".street", address.street(), 200),
                optional(check, field + ".city", address.city(), 100),
                optional(check, field + ".region", address.region(), 100),
                optional(check, field + ".postalCode", address.postalCode(), 20),
                country);
    }

    private static String optional(Validation check, String field, String value, int max) {
        return blank(value) ? null : check.text(field, value, max);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
