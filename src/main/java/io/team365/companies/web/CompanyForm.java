package io.team365.companies.web;

import io.team365.companies.Company;
import io.team365.companies.CompanyFields;
import io.team365.core.InvalidInput;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The company form: the address in separate inputs, the owner as a member's id (blank keeps the current one),
 * tags as comma-separated text, and the version the form was loaded at.
 */
public record CompanyForm(
        String name,
        String domain,
        String industry,
        String size,
        String street,
        String city,
        String region,
        String postalCode,
        String country,
        String phone,
        String website,
        String ownerId,
        String tags,
        Integer version) {

    /** A country as the form offers it: its ISO code and its name in the reader's language. */
    public record Country(String code, String name) {}

    public static CompanyForm empty() {
        return new CompanyForm("", "", "", "", "", "", "", "", "", "", "", "", "", null);
    }

    public static CompanyForm of(Company company) {
        Company.Address a = company.address();
        return new CompanyForm(
                nz(company.name()),
                nz(company.domain()),
                nz(company.industry()),
                nz(company.size()),
                nz(a.street()),
                nz(a.city()),
                nz(a.region()),
                nz(a.postalCode()),
                nz(a.country()),
                nz(company.phone()),
                nz(company.website()),
                company.ownerId() == null ? "" : company.ownerId().toString(),
                String.join(", ", company.tags()),
                company.version());
    }

    /** The fields that can be edited in place on the company's page, one at a time. */
    public static final List<String> INLINE = List.of("name", "domain", "industry", "phone", "website", "tags");

    public String value(String field) {
        return switch (field) {
            case "name" -> name;
            case "domain" -> domain;
            case "industry" -> industry;
            case "phone" -> phone;
            case "website" -> website;
            case "tags" -> tags;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** This form with one inline field changed. */
    public CompanyForm with(String field, String value) {
        return new CompanyForm(
                field.equals("name") ? value : name,
                field.equals("domain") ? value : domain,
                field.equals("industry") ? value : industry,
                size,
                street,
                city,
                region,
                postalCode,
                country,
                field.equals("phone") ? value : phone,
                field.equals("website") ? value : website,
                ownerId,
                field.equals("tags") ? value : tags,
                version);
    }

    /** The stored fields with this form's values in place of the ones it shows, and the custom values it sent. */
    public CompanyFields applyTo(CompanyFields current, Map<String, Object> customFields) {
        List<String> tagList = tags == null || tags.isBlank()
                ? List.of()
                : Arrays.stream(tags.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
        return new CompanyFields(
                name,
                domain,
                industry,
                size,
                new Company.Address(street, city, region, postalCode, country),
                phone,
                website,
                owner(current.ownerId()),
                tagList,
                customFields);
    }

    private UUID owner(UUID current) {
        if (ownerId == null || ownerId.isBlank()) {
            return current;
        }
        try {
            return UUID.fromString(ownerId.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("ownerId", "company.unknown-owner");
        }
    }

    /** Every ISO 3166-1 country, named and sorted in the reader's language. */
    public static List<Country> countries(Locale locale) {
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name))
                .toList();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
