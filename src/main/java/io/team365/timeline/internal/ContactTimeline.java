package io.team365.timeline.internal;

import io.team365.contacts.ContactChanged;
import io.team365.contacts.ContactsPurged;
import io.team365.tenancy.TenantContext;
import io.team365.timeline.TimelineEntry;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes contact changes onto the contact's timeline, after the change has committed. The event publication
 * registry keeps the event until this has run, so a crash in between only delays the entry. The tenant is bound
 * before the transaction starts: the listener's connection must belong to the event's Client.
 */
@Component
class ContactTimeline {

    private final TimelineEntries entries;
    private final TransactionTemplate transaction;

    ContactTimeline(TimelineEntries entries, PlatformTransactionManager transactions) {
        this.entries = entries;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A purged contact's history goes with it: it holds the contact's old values. */
    @Async
    @TransactionalEventListener
    void on(ContactsPurged event) {
        TenantContext.runAs(
                event.tenant(),
                null,
                () -> transaction.executeWithoutResult(status -> entries.removeAll("contact", event.contactIds())));
    }

    @Async
    @TransactionalEventListener
    void on(ContactChanged event) {
        TenantContext.runAs(
                event.tenant(),
                event.actorId(),
                () -> transaction.executeWithoutResult(status -> entries.add(
                        event.tenant(),
                        "contact",
                        event.contactId(),
                        event.occurredAt(),
                        event.actorId(),
                        event.actorName(),
                        "contact." + event.kind().name().toLowerCase(java.util.Locale.ROOT),
                        event.changes().stream()
                                .map(c -> new TimelineEntry.Change(c.field(), c.from(), c.to()))
                                .toList())));
    }
}
