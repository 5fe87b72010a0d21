package io.team365.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One thing that happened to a record. */
public record TimelineEntry(
        UUID id, Instant occurredAt, UUID actorId, String actorName, String kind, List<Change> changes) {

    /** A field's value before and after (null when it was empty). */
    public record Change(String field, String from, String to) {}
}
