package io.team365.retention;

import java.time.Instant;
import java.util.List;

/** What a run now would touch: per rule, the cutoff and how many items are older. Disabled rules touch nothing. */
public record RetentionPreview(Instant at, List<Item> rules) {

    public record Item(String key, String action, String period, boolean enabled, Instant cutoff, long count) {}

    public RetentionPreview {
        rules = List.copyOf(rules);
    }
}
