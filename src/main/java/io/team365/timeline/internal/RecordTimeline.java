package io.team365.timeline.internal;

import io.team365.core.RecordChanged;
import io.team365.core.RecordsAnonymised;
import io.team365.core.RecordsPurged;
import io.team365.tenancy.TenantTransactions;
import io.team365.timeline.TimelineEntry;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes what happens to records onto their timelines, after the change has committed. The event publication
 * registry keeps each event until this has run, so a crash in between only delays the entry.
 */
@Component
class RecordTimeline {

    private static final java.util.Set<String> OWN_CHANGES =
            java.util.Set.of("created", "updated", "trashed", "restored", "stage-changed", "won", "lost");

    private final TimelineEntries entries;
    private final TenantTransactions tenants;

    RecordTimeline(TimelineEntries entries, TenantTransactions tenants) {
        this.entries = entries;
        this.tenants = tenants;
    }

    /** A purged record's history goes with it: it holds the record's old values. */
    @Async
    @TransactionalEventListener
    void on(RecordsPurged event) {
        tenants.run(event.tenant(), null, () -> entries.removeAll(event.recordType(), event.recordIds()));
    }

    /** An anonymised record's history goes too: its changes hold the values that were removed. */
    @Async
    @TransactionalEventListener
    void on(RecordsAnonymised event) {
        tenants.run(event.tenant(), null, () -> entries.removeAll(event.recordType(), event.recordIds()));
    }

    @Async
    @TransactionalEventListener
    void on(RecordChanged event) {
        // the record's own edits need no summary; anything else (an activity or file added, a deal won, the lead it
        // came from) is named by the event's title
        String summary =
                OWN_CHANGES.contains(event.kind().substring(event.kind().indexOf('.') + 1))
                                && event.kind().startsWith(event.recordType() + ".")
                        ? null
                        : event.title();
        tenants.run(
                event.tenant(),
                event.actorId(),
                () -> entries.add(
                        event.tenant(),
                        event.recordType(),
                        event.recordId(),
                        event.occurredAt(),
                        event.actorId(),
                        event.actorName(),
                        event.kind(),
                        summary,
                        event.changes().stream()
                                .map(c -> new TimelineEntry.Change(c.field(), c.from(), c.to()))
                                .toList()));
    }
}
