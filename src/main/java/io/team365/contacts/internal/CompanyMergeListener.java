package io.team365.contacts.internal;

import io.team365.core.RecordsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Companies merged: the people of the merged companies now work at the survivor. Synchronous, in the merge's
 * transaction, so the merge is whole or not at all (ADR 0017).
 */
@Component
class CompanyMergeListener {

    private final ContactMerges merges;

    CompanyMergeListener(ContactMerges merges) {
        this.merges = merges;
    }

    @EventListener
    void on(RecordsMerged merged) {
        if ("company".equals(merged.recordType())) {
            merges.moveToCompany(merged.mergedIds(), merged.survivorId());
        }
    }
}
