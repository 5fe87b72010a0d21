package io.team365.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One line of a Client's audit trail, as recorded. */
public record AuditEntry(
        UUID id,
        Instant occurredAt,
        UUID actorId,
        String actorEmail,
        String action,
        String targetType,
        String targetId,
        Map<String, Object> details,
        String ip) {}
