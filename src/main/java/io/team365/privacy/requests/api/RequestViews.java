package io.team365.privacy.requests.api;

import io.team365.privacy.internal.SubjectRecords;
import io.team365.privacy.requests.HistoryEntry;
import io.team365.privacy.requests.PrivacyRequest;
import io.team365.privacy.requests.SubjectRequests;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The API's JSON for requests: field names fixed by API.md ("id", "status", "dueAt") plus the rest of the story. */
final class RequestViews {

    private RequestViews() {}

    record Request(
            UUID id,
            String type,
            String status,
            String channel,
            String subjectEmail,
            boolean subjectErased,
            String details,
            UUID filedBy,
            Instant receivedAt,
            Instant dueAt,
            Instant originalDueAt,
            String urgency,
            String outcomeNote,
            String refusalReason,
            Instant createdAt,
            Instant updatedAt) {}

    record Step(
            String action,
            String fromStatus,
            String toStatus,
            String actor,
            UUID userId,
            String reason,
            Instant dueAt,
            Instant at) {}

    record Detail(Request request, List<Step> history, String packageUrl, Instant packageExpiresAt) {}

    /** The subject's records for a rectification to correct: ids only. */
    record Records(List<UUID> contactIds, List<UUID> leadIds, List<UUID> userIds) {}

    record Executed(Request request, Records recordsToEdit) {}

    static Request of(PrivacyRequest r, Instant now) {
        return new Request(
                r.id(),
                r.type().value(),
                r.status().value(),
                r.channel(),
                r.subjectEmail(),
                r.subjectErased(),
                r.details(),
                r.filedBy(),
                r.receivedAt(),
                r.dueAt(),
                r.originalDueAt(),
                r.urgency(now).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                r.outcomeNote(),
                r.refusalReason(),
                r.createdAt(),
                r.updatedAt());
    }

    static Detail of(SubjectRequests.Detail d, Instant now) {
        List<Step> steps = d.history().stream().map(RequestViews::step).toList();
        String url = d.packageExpiresAt() == null
                ? null
                : "/api/v1/privacy/requests/" + d.request().id() + "/package";
        return new Detail(of(d.request(), now), steps, url, d.packageExpiresAt());
    }

    static Records of(SubjectRecords records) {
        return records == null ? null : new Records(records.contactIds(), records.leadIds(), records.userIds());
    }

    private static Step step(HistoryEntry h) {
        return new Step(h.action(), h.fromStatus(), h.toStatus(), h.actor(), h.userId(), h.reason(), h.dueAt(), h.at());
    }
}
