package io.team365.core;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records of one type were merged into a survivor; the merged ones are gone (a tombstone redirects to the survivor).
 * Published by the record's module inside the merge transaction and heard by synchronous listeners: each module
 * re-points its own rows (activity links, attachments, deal links, consent ledger, timeline…) in that same
 * transaction, so a merge is whole or not at all (ADR 0017). {@code fieldSources} names, per field the survivor took
 * from a merged record, which record it came from (field names as the field history names them).
 */
public record RecordsMerged(
        TenantId tenant,
        String recordType,
        UUID survivorId,
        List<UUID> mergedIds,
        Map<String, UUID> fieldSources,
        UUID actorId) {

    public RecordsMerged {
        mergedIds = List.copyOf(mergedIds);
        fieldSources = Map.copyOf(fieldSources);
    }

    /** Every id involved: the survivor first, then the merged ones. */
    public List<UUID> allIds() {
        java.util.ArrayList<UUID> all = new java.util.ArrayList<>();
        all.add(survivorId);
        all.addAll(mergedIds);
        return all;
    }
}
