package io.team365.core;

import java.util.List;
import java.util.UUID;

/**
 * Records were anonymised (retention: untouched for long; later erasure by anonymising): the rows stay without
 * personal values, so whatever other modules keep about them that could name the person (the timeline's old values,
 * attached files) must go.
 */
public record RecordsAnonymised(TenantId tenant, String recordType, List<UUID> recordIds) {

    public RecordsAnonymised {
        recordIds = List.copyOf(recordIds);
    }
}
