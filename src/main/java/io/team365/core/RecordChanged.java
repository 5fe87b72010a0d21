package io.team365.core;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A CRM record (contact, company, lead, deal, activity…) was created, changed, moved to the trash or restored, or
 * something was added to it. Published by the record's module in the transaction that did it, so listeners (the
 * timeline, later search) hear of every committed change and of nothing rolled back. {@code kind} is
 * {@code <recordType>.<what>}, e.g. {@code deal.stage-changed}; {@code changes} is the field history.
 */
public record RecordChanged(
        TenantId tenant,
        String recordType,
        UUID recordId,
        String title,
        String kind,
        List<FieldChange> changes,
        UUID actorId,
        String actorName,
        Instant occurredAt) {

    public RecordChanged {
        changes = List.copyOf(changes);
    }
}
