package io.team365.contacts;

import io.team365.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact was created, changed, moved to the trash or restored. Published in the transaction that did it, so
 * listeners (the timeline, later search) hear of every committed change and of nothing that was rolled back.
 */
public record ContactChanged(
        TenantId tenant,
        UUID contactId,
        String contactName,
        Kind kind,
        List<FieldChange> changes,
        UUID actorId,
        String actorName,
        Instant occurredAt) {

    public enum Kind {
        CREATED,
        UPDATED,
        TRASHED,
        RESTORED
    }

    /** One field's value before and after, as text a person can read (null when empty). */
    public record FieldChange(String field, String from, String to) {}
}
