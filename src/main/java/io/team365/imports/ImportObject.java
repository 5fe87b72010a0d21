package io.team365.imports;

import java.util.Arrays;
import java.util.Optional;

/** What an import creates. The value is the one the API and the forms use. */
public enum ImportObject {
    CONTACTS("contacts"),
    COMPANIES("companies"),
    LEADS("leads"),
    DEALS("deals");

    private final String value;

    ImportObject(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ImportObject> of(String value) {
        return Arrays.stream(values()).filter(o -> o.value.equals(value)).findFirst();
    }
}
