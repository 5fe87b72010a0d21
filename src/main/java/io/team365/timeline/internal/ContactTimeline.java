package io.team365.timeline.internal;

import io.team365.contacts.ContactChanged;
import io.team365.contacts.ContactsPurged;
import io.team365.tenancy.TenantTransactions;
import io.team365.timeline.TimelineEntry;
import java.util.Locale;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes contact changes onto the contact's timeline, after the change has committed. The event publication
 * registry keeps the event until this has run, so a crash in between only delays the entry.
 */
@Component
class ContactTimeline {

    private final TimelineEntries entries;
    private final TenantTransactions tenants;

    ContactTimeline(TimelineEntries entries, TenantTransactions tenants) {
        this.entries = entries;
        this.tenants = tenants;
    }

    /** A purged contact's history goes with it: it holds the contact's old values. */
    @Async
    @TransactionalEventListener
    void on(ContactsPurged event) {
        tenants.run(event.tenant(), null, () -> entries.removeAll("contact", event.contactIds()));
    }

    @Async
    @TransactionalEventListener
    void on(ContactChanged event) {
        tenants.run(
                event.tenant(),
                event.actorId(),
                () -> entries.add(
                        event.tenant(),
                        "contact",
                        event.contactId(),
                        event.occurredAt(),
                        event.actorId(),
                        event.actorName(),
                        "contact." + event.kind().name().toLowerCase(Locale.ROOT),
                        event.changes().stream()
                                .map(c -> new TimelineEntry.Change(c.field(), c.from(), c.to()))
                                .toList()));
    }
}
