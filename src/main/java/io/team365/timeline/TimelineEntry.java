package io.team365.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One thing that happened to a record. {@code kind} is {@code <type>.<what>}, e.g. {@code contact.updated} or
 * {@code activity.created}; {@code summary} names what was added to the record (an activity's subject, a file's
 * name), null for the record's own changes; {@code link} is where to open what was added (an email's thread), or
 * null.
 */
public record TimelineEntry(
        UUID id,
        Instant occurredAt,
        UUID actorId,
        String actorName,
        String kind,
        String summary,
        List<Change> changes,
        String link) {

    public TimelineEntry(
            UUID id,
            Instant occurredAt,
            UUID actorId,
            String actorName,
            String kind,
            String summary,
            List<Change> changes) {
        this(id, occurredAt, actorId, actorName, kind, summary, changes, null);
    }

    /** A field's value before and after (null when it was empty). */
    public record Change(String field, String from, String to) {}
}
