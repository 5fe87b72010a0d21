package io.team365.timeline;

import java.util.List;
import java.util.UUID;

/**
 * Entries another module puts on records' timelines without storing them in the timeline (emails): asked when a
 * timeline is shown, so what the caller may see is decided then, by the module that owns the data, for the person
 * looking (ADR 0025). Implementations answer for the signed-in caller only and return nothing when there is none.
 */
public interface TimelineSource {

    /** The record's entries from this source, newest first, at most {@code limit}. */
    List<TimelineEntry> entriesOf(String recordType, UUID recordId, int limit);
}
