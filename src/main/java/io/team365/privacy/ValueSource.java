package io.team365.privacy;

import java.util.Arrays;
import java.util.Optional;

/** Where a stored value about a person came from: the fixed set the privacy policy and access packages name. */
public enum ValueSource {
    USER("user"),
    IMPORT("import"),
    CONNECTED_ACCOUNT("connected-account"),
    WEB_FORM("web-form"),
    PARTNER("partner"),
    ENRICHMENT("enrichment");

    private final String value;

    ValueSource(String value) {
        this.value = value;
    }

    /** As stored and as the API writes it. */
    public String value() {
        return value;
    }

    public static Optional<ValueSource> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
