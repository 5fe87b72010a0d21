package io.team365.activities;

import java.time.ZoneId;
import java.util.UUID;

/**
 * Which activities to list. {@code due} is {@code overdue} (open and due before now), {@code today} (due from now to
 * the end of the day in {@code zone}) or {@code upcoming} (due after today); {@code recordType}/{@code recordId}
 * pick the activities of one record; {@code sort} is dueAt (undated last), createdAt or updatedAt, each with a
 * leading {@code -} for descending.
 */
public record ActivityQuery(
        String q,
        String type,
        Boolean done,
        UUID ownerId,
        String recordType,
        UUID recordId,
        String due,
        ZoneId zone,
        boolean deleted,
        String sort,
        String cursor,
        int limit) {

    public static final java.util.List<String> DUE = java.util.List.of("overdue", "today", "upcoming");

    public ActivityQuery {
        zone = zone == null ? java.time.ZoneOffset.UTC : zone;
    }

    public static ActivityQuery firstPage() {
        return new ActivityQuery(null, null, null, null, null, null, null, null, false, null, null, 50);
    }
}
