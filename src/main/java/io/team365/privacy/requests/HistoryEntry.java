package io.team365.privacy.requests;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of a request: the action, the state before and after, who took it (a user, the subject through the
 * public form, or the system), why, and for an extension the new due date.
 */
public record HistoryEntry(
        UUID id,
        String action,
        String fromStatus,
        String toStatus,
        String actor,
        UUID userId,
        String reason,
        Instant dueAt,
        Instant at) {}
