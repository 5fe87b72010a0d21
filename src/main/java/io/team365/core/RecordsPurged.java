package io.team365.core;

import java.util.List;
import java.util.UUID;

/**
 * Records were deleted for good (30 days in the trash, or erasure): whatever other modules keep about them (timeline,
 * activity links, attachments) must go too.
 */
public record RecordsPurged(TenantId tenant, String recordType, List<UUID> recordIds) {

    public RecordsPurged {
        recordIds = List.copyOf(recordIds);
    }
}
