package io.team365.search;

import java.util.Locale;
import java.util.Optional;

/** The kinds of record search finds, in the order results are grouped. */
public enum SearchKind {
    CONTACT("contacts"),
    COMPANY("companies"),
    LEAD("leads"),
    DEAL("deals");

    private final String plural;

    SearchKind(String plural) {
        this.plural = plural;
    }

    /** As the database and the API name one record: {@code contact}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As the API names a group and the UI's paths start: {@code contacts}. */
    public String plural() {
        return plural;
    }

    /** The kind named {@code contacts} or {@code contact} (any case), if any. */
    public static Optional<SearchKind> named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (SearchKind kind : values()) {
            if (kind.plural.equals(n) || kind.value().equals(n)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
