package io.team365.duplicates.internal;

import io.team365.core.RecordsMerged;
import io.team365.core.RecordsPurged;
import io.team365.tenancy.TenantTransactions;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Dismissals of records that are gone (merged away or purged from the trash) are deleted with them. */
@Component
class DismissalCleanup {

    private final Dismissals dismissals;
    private final TenantTransactions tenants;

    DismissalCleanup(Dismissals dismissals, TenantTransactions tenants) {
        this.dismissals = dismissals;
        this.tenants = tenants;
    }

    /** In the merge's transaction (ADR 0017). */
    @EventListener
    void on(RecordsMerged merged) {
        dismissals.forget(merged.recordType(), merged.mergedIds());
    }

    @Async
    @TransactionalEventListener
    void on(RecordsPurged purged) {
        if ("contact".equals(purged.recordType()) || "company".equals(purged.recordType())) {
            tenants.run(purged.tenant(), null, () -> dismissals.forget(purged.recordType(), purged.recordIds()));
        }
    }
}
