package io.team365.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for tags on every record: at most 20, each 1 to 50 characters without control characters, lower-cased
 * and without repeats, so one tag filter finds contacts, companies, leads and deals alike.
 */
public final class Tags {

    public static final int MAX = 20;
    public static final int MAX_LENGTH = 50;

    private Tags() {}

    /** The tags tidied, problems named {@code tags} or {@code tags[i]} in {@code check}. */
    public static List<String> checked(Validation check, List<String> tags) {
        if (tags.size() > MAX) {
            check.reject("tags", "tags.too-many", MAX);
            return List.of();
        }
        Set<String> cleaned = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? "" : tags.get(i).strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty() || tag.length() > MAX_LENGTH || tag.chars().anyMatch(c -> c < 0x20)) {
                check.reject("tags[" + i + "]", "tags.invalid", MAX_LENGTH);
                continue;
            }
            cleaned.add(tag);
        }
        return List.copyOf(cleaned);
    }
}
