package io.team365.core.paging;

import io.team365.core.InvalidInput;

/** The {@code q} parameter of a list: bounded, and made into an ILIKE pattern that matches its text literally. */
public final class TextSearch {

    private TextSearch() {}

    /** The pattern for {@code ilike :q escape '\'}, or null when there is nothing to search for. */
    public static String containsPattern(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > 200 || q.indexOf('\0') >= 0) {
            throw InvalidInput.of("q", "validation.too-long", 200);
        }
        return "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
