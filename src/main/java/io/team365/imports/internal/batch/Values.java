package io.team365.imports.internal.batch;

import io.team365.imports.internal.mapping.Normalise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turning a file's cells into field values: several values in one cell, emails, phones, countries, web addresses. */
final class Values {

    private static final Map<String, String> COUNTRIES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            COUNTRIES.put(code.toLowerCase(Locale.ROOT), code);
            COUNTRIES.put(Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        COUNTRIES.put("uk", "GB");
        COUNTRIES.put("usa", "US");
        COUNTRIES.put("united states of america", "US");
    }

    private Values() {}

    /** The cells' values split at {@code ;} and {@code ,} (a cell may list several addresses or tags). */
    static List<String> split(List<String> cells, String separators) {
        Set<String> values = new LinkedHashSet<>();
        for (String cell : cells) {
            for (String part : cell.split(separators)) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return new ArrayList<>(values);
    }

    /** Every email of the cells, normalised; a cell part that is not one rejects the record. */
    static List<String> emails(List<String> cells) {
        List<String> emails = new ArrayList<>();
        for (String raw : split(cells, "[;,\\s]+")) {
            String email = Normalise.email(raw).orElseThrow(() -> new RowProblem("email: not an email address"));
            if (!emails.contains(email)) {
                emails.add(email);
            }
        }
        return emails;
    }

    /** Every phone of the cells in E.164; one that is not a phone number rejects the record. */
    static List<String> phones(List<String> cells, String region) {
        List<String> phones = new ArrayList<>();
        for (String raw : split(cells, "[;,]+")) {
            String phone = Normalise.phone(raw, region).orElseThrow(() -> new RowProblem("phone: not a phone number"));
            if (!phones.contains(phone)) {
                phones.add(phone);
            }
        }
        return phones;
    }

    static List<String> tags(List<String> cells) {
        return split(cells, "[;,]+");
    }

    /** An ISO country code from a code or an English country name; an unknown country rejects the record. */
    static String country(String raw) {
        if (raw == null) {
            return null;
        }
        String code = COUNTRIES.get(raw.strip().toLowerCase(Locale.ROOT));
        if (code == null) {
            throw new RowProblem("country: not a known country");
        }
        return code;
    }

    /**
     * A company's size range from the cell: a range as it is, and a number of employees (HubSpot's "Number of
     * Employees", Salesforce's "NumberOfEmployees", the headers the dictionary maps to size) as the range it falls
     * in, so such an export is not refused for giving a count.
     */
    static String companySize(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.strip().replaceAll("[\\s,.'\\u00a0]", ""); // 1,200 / 1.200 / 1 200 employees
        if (!digits.matches("\\d{1,9}")) {
            return raw; // a range, or something the check refuses with the choices
        }
        long employees = Long.parseLong(digits);
        if (employees <= 10) {
            return "1-10";
        }
        if (employees <= 50) {
            return "11-50";
        }
        if (employees <= 200) {
            return "51-200";
        }
        if (employees <= 500) {
            return "201-500";
        }
        if (employees <= 1000) {
            return "501-1000";
        }
        return employees <= 5000 ? "1001-5000" : "5001+";
    }

    /**
     * A lead's status from the cell, lower-cased: ours as they are, and the standard lead statuses of Salesforce
     * (whose export the dictionary recognises) as the nearest of ours.
     */
    static String leadStatus(String raw) {
        if (raw == null) {
            return null;
        }
        String status = raw.strip().toLowerCase(Locale.ROOT);
        return switch (status) {
            case "open - not contacted" -> "new";
            case "working - contacted" -> "contacted";
            case "closed - converted" -> "qualified";
            case "closed - not converted" -> "unqualified";
            default -> status;
        };
    }

    /** A web address with a scheme ({@code acme.com} → {@code https://acme.com}). */
    static String url(String raw) {
        if (raw == null) {
            return null;
        }
        String url = raw.strip();
        return url.matches("(?i)^https?://.*") ? url : "https://" + url;
    }

    /** The fields' history names for the value-source register. */
    static String sourceField(String target) {
        return switch (target) {
            case "email" -> "emails";
            case "phone" -> "phones";
            case "fullName" -> "firstName";
            case "street", "city", "region", "postalCode", "country" -> "address";
            case "website", "linkedin" -> "socialLinks";
            default -> target.startsWith("custom.") ? "customFields" : target;
        };
    }

    /**
     * Adds the history names of the fields the row sets; its notes are left out: they become a note of their own,
     * not a field of the record.
     */
    static void addSourceFields(Set<String> into, MappedRow row) {
        for (String field : row.fields()) {
            if (!field.equals(RowNotes.FIELD)) {
                into.add(sourceField(field));
            }
        }
    }
}
