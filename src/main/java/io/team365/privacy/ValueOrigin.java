package io.team365.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * Where one field of a record got its current value: the source, a detail (the channel, the file's name, the
 * account), who recorded it and when.
 */
public record ValueOrigin(
        String recordType,
        UUID recordId,
        String field,
        String source,
        String detail,
        UUID recordedBy,
        Instant recordedAt) {}
