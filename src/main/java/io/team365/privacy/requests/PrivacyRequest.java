package io.team365.privacy.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A data-subject request as stored. {@code subjectEmail} is null once the subject was erased (the request keeps only
 * the hash of their address, as proof that it was handled).
 */
public record PrivacyRequest(
        UUID id,
        RequestType type,
        RequestStatus status,
        String channel,
        String subjectEmail,
        boolean subjectErased,
        String details,
        UUID filedBy,
        Instant receivedAt,
        Instant originalDueAt,
        Instant dueAt,
        String outcomeNote,
        String refusalReason,
        Instant createdAt,
        Instant updatedAt) {

    /** How close the deadline is, for the queue: said in words, not only by colour. */
    public enum Urgency {
        NONE,
        DUE_SOON,
        OVERDUE
    }

    public static final Duration DUE_SOON = Duration.ofDays(7);

    public Urgency urgency(Instant now) {
        if (!status.open() || dueAt == null) {
            return Urgency.NONE;
        }
        if (dueAt.isBefore(now)) {
            return Urgency.OVERDUE;
        }
        return dueAt.isBefore(now.plus(DUE_SOON)) ? Urgency.DUE_SOON : Urgency.NONE;
    }

    /** Whole days until the deadline (negative when overdue), for "due in 3 days". */
    public long daysLeft(Instant now) {
        return dueAt == null ? 0 : Math.floorDiv(Duration.between(now, dueAt).toHours(), 24);
    }

    public boolean extended() {
        return dueAt != null && originalDueAt != null && dueAt.isAfter(originalDueAt);
    }
}
