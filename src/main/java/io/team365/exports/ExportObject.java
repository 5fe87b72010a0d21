package io.team365.exports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What can be exported; the API names them in the plural, as the list paths do. */
public enum ExportObject {
    CONTACTS("contacts", "contact"),
    COMPANIES("companies", "company"),
    LEADS("leads", "lead"),
    DEALS("deals", "deal");

    private final String value;
    private final String recordType;

    ExportObject(String value, String recordType) {
        this.value = value;
        this.recordType = recordType;
    }

    public String value() {
        return value;
    }

    /** The record type other modules use ({@code contact}, {@code deal}, …), e.g. for saved views. */
    public String recordType() {
        return recordType;
    }

    /** Accepts the plural ({@code contacts}) and the record type ({@code contact}). */
    public static Optional<ExportObject> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(o -> o.value.equals(wanted) || o.recordType.equals(wanted))
                .findFirst();
    }
}
