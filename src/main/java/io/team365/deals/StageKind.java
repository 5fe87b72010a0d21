package io.team365.deals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What reaching a stage means for a deal: still open, won, or lost. A deal's status is its stage's kind. */
public enum StageKind {
    OPEN,
    WON,
    LOST;

    /** The name used in the database and the API. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean closed() {
        return this != OPEN;
    }

    public static Optional<StageKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.value().equals(value)).findFirst();
    }
}
