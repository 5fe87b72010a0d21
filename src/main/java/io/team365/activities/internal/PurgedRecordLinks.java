package io.team365.activities.internal;

import io.team365.core.RecordsPurged;
import io.team365.tenancy.TenantTransactions;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records purged for good take their activity links with them; an activity left about nothing goes to the trash
 * (and is purged 30 days later like any other), rather than being deleted on the spot with what people wrote in it.
 */
@Component
class PurgedRecordLinks {

    private final ActivityStore store;
    private final TenantTransactions tenants;

    PurgedRecordLinks(ActivityStore store, TenantTransactions tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    @Async
    @TransactionalEventListener
    void on(RecordsPurged event) {
        if (io.team365.activities.ActivityLink.TYPES.contains(event.recordType())) {
            tenants.run(event.tenant(), null, () -> store.unlink(event.recordType(), event.recordIds()));
        }
    }
}
