package io.team365.privacy.requests;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.core.paging.Cursors;
import io.team365.core.paging.Page;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of data-subject requests as the Client's people see it: filing one for a subject, the queue, and
 * the admin steps (verify, execute, complete, extend, refuse). Every step is kept in the request's history and in the
 * audit trail (ids and fixed words only). Carrying out a request is {@link RequestExecution}'s work.
 */
@Service
public class SubjectRequests {

    static final int MAX_TEXT = 2000;
    static final String SORT = "dueAt";

    /** What the queue shows unless asked otherwise: the requests whose deadline is running. */
    public static final List<RequestStatus> OPEN =
            List.of(RequestStatus.RECEIVED, RequestStatus.VERIFIED, RequestStatus.IN_PROGRESS);

    private final RequestStore store;
    private final RequestMail mail;
    private final RequestExecution execution;
    private final AuditTrail audit;
    private final ClientManagement clients;
    private final Clock clock;

    SubjectRequests(
            RequestStore store,
            RequestMail mail,
            RequestExecution execution,
            AuditTrail audit,
            ClientManagement clients,
            Clock clock) {
        this.store = store;
        this.mail = mail;
        this.execution = execution;
        this.audit = audit;
        this.clients = clients;
        this.clock = clock;
    }

    /** A request with its history, and until when its package can be downloaded (null when there is none). */
    public record Detail(PrivacyRequest request, List<HistoryEntry> history, Instant packageExpiresAt) {}

    /** Files a request for a subject, received now: any member may (the API or the Settings form). */
    @Transactional
    public PrivacyRequest file(String type, String email, String details, String channel, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Validation check = Validation.start();
        Optional<RequestType> kind = RequestType.parse(type);
        if (kind.isEmpty()) {
            check.reject("type", "requests.error.type", String.join(", ", RequestType.names()));
        }
        String subject = check.email("subjectEmail", email);
        String text = optionalText(check, "details", details);
        check.throwIfInvalid();
        Instant now = clock.instant();
        UUID id = io.team365.core.Ids.newId();
        Instant due = Deadlines.dueAfter(now);
        store.insert(
                user.tenant(),
                id,
                kind.orElseThrow(),
                RequestStatus.RECEIVED,
                channel,
                subject,
                text,
                user.userId(),
                now,
                due,
                now);
        store.appendHistory(
                user.tenant(), id, "filed", null, RequestStatus.RECEIVED, "user", user.userId(), null, due, now);
        audit.record(
                user.tenant(),
                actor,
                "privacy-request.filed",
                "privacy-request",
                id.toString(),
                Map.of("type", kind.orElseThrow().value(), "channel", channel));
        return store.find(id).orElseThrow();
    }

    /**
     * The queue in due-date order. Admins see every request of the Client; other members only those they filed.
     * {@code status} is one of the statuses, {@code open} (the default) or {@code all}.
     */
    @Transactional(readOnly = true)
    public Page<PrivacyRequest> list(String status, String cursor, int limit) {
        List<RequestStatus> statuses = statuses(status);
        Instant afterKey = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            Cursors.Position position = Cursors.decode(cursor, SORT + ":" + (status == null ? "open" : status));
            try {
                afterKey = Instant.parse(position.value());
            } catch (java.time.format.DateTimeParseException e) {
                throw InvalidInput.of("cursor", "list.cursor");
            }
            afterId = position.id();
        }
        List<PrivacyRequest> rows = store.page(statuses, visibleOnlyTo(), afterKey, afterId, limit + 1);
        boolean more = rows.size() > limit;
        List<PrivacyRequest> items = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            PrivacyRequest last = items.getLast();
            Instant key = last.dueAt() != null ? last.dueAt() : last.createdAt();
            next = Cursors.encode(SORT + ":" + (status == null ? "open" : status), key.toString(), last.id());
        }
        return new Page<>(List.copyOf(items), next);
    }

    static List<RequestStatus> statuses(String status) {
        if (status == null || status.isBlank() || status.equals("open")) {
            return OPEN;
        }
        if (status.equals("all")) {
            return List.of(RequestStatus.values());
        }
        return RequestStatus.parse(status)
                .map(List::of)
                .orElseThrow(() -> InvalidInput.of("filter[status]", "requests.error.status-filter"));
    }

    @Transactional(readOnly = true)
    public Detail get(UUID id) {
        PrivacyRequest request = visible(id);
        Instant packageExpiry = store.packageExpiry(id)
                .filter(expiry -> expiry.isAfter(clock.instant()))
                .orElse(null);
        return new Detail(request, store.history(id), packageExpiry);
    }

    /** A Client user confirms that the subject's identity was checked. */
    @Transactional
    public PrivacyRequest verify(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = requireAdmin();
        PrivacyRequest request = locked(id);
        if (request.status() != RequestStatus.RECEIVED) {
            throw conflictFor(request, "requests.conflict.verify");
        }
        Instant now = clock.instant();
        store.setStatus(id, RequestStatus.VERIFIED, now);
        store.appendHistory(
                user.tenant(),
                id,
                "verified",
                request.status(),
                RequestStatus.VERIFIED,
                "user",
                user.userId(),
                null,
                null,
                now);
        audit.record(user.tenant(), actor, "privacy-request.verified", "privacy-request", id.toString(), Map.of());
        if (request.subjectEmail() != null) {
            // a request filed by the Client gets its status link now; a visitor was sent theirs on confirming
            String token = null;
            if (!"public-form".equals(request.channel())) {
                token = Secrets.newStatusToken(user.tenant());
                store.setStatusToken(id, Secrets.sha256(token));
            }
            mail.verified(
                    user.tenant(),
                    request.subjectEmail(),
                    clientName(user.tenant()),
                    request.type(),
                    request.dueAt(),
                    token);
        }
        return store.find(id).orElseThrow();
    }

    /** Carries the request out (see {@link RequestExecution}); a rectification stays in progress until completed. */
    @Transactional
    public RequestExecution.Outcome execute(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = requireAdmin();
        PrivacyRequest request = locked(id);
        if (request.status() == RequestStatus.IN_PROGRESS && request.type() == RequestType.RECTIFICATION) {
            throw new Conflict("status", "requests.conflict.rectification-note");
        }
        if (request.status() != RequestStatus.VERIFIED) {
            throw conflictFor(request, "requests.conflict.execute");
        }
        if (request.subjectEmail() == null) {
            throw new Conflict("status", "requests.conflict.subject-erased");
        }
        return execution.execute(user, request, actor, clientName(user.tenant()));
    }

    /** Completes a rectification in progress, with a note of what was corrected. */
    @Transactional
    public PrivacyRequest complete(UUID id, String note, AuditTrail.Actor actor) {
        SignedInUser user = requireAdmin();
        Validation check = Validation.start();
        String text = optionalText(check, "note", note);
        if (text == null) {
            check.reject("note", "validation.required");
        }
        check.throwIfInvalid();
        PrivacyRequest request = locked(id);
        if (request.type() != RequestType.RECTIFICATION || request.status() != RequestStatus.IN_PROGRESS) {
            throw conflictFor(request, "requests.conflict.complete");
        }
        execution.finish(user, request, text, actor, clientName(user.tenant()));
        return store.find(id).orElseThrow();
    }

    /** Moves the due date, at most two months beyond the original one in all; the subject is told why. */
    @Transactional
    public PrivacyRequest extend(UUID id, String reason, String until, AuditTrail.Actor actor) {
        SignedInUser user = requireAdmin();
        Validation check = Validation.start();
        String why = reasonText(check, reason);
        if (until == null || until.isBlank()) {
            check.reject("until", "validation.required");
        }
        PrivacyRequest request = store.find(id).filter(r -> visibleTo(user, r)).orElseThrow(SubjectRequests::notFound);
        Instant cap = request.originalDueAt() == null ? null : Deadlines.latestExtension(request.originalDueAt());
        Optional<Instant> newDue = Deadlines.parseUntil(until, cap);
        if (until != null && !until.isBlank() && newDue.isEmpty()) {
            check.reject("until", "requests.error.until-format");
        }
        check.throwIfInvalid();
        request = locked(id);
        if (!request.status().open()) {
            throw conflictFor(request, "requests.conflict.extend");
        }
        Instant due = newDue.orElseThrow();
        if (!due.isAfter(request.dueAt())) {
            throw InvalidInput.of("until", "requests.error.until-earlier");
        }
        if (due.isAfter(cap)) {
            throw InvalidInput.of("until", "requests.error.until-cap", cap.toString());
        }
        Instant now = clock.instant();
        store.setDue(id, due, now);
        store.appendHistory(
                user.tenant(),
                id,
                "extended",
                request.status(),
                request.status(),
                "user",
                user.userId(),
                why,
                due,
                now);
        audit.record(
                user.tenant(),
                actor,
                "privacy-request.extended",
                "privacy-request",
                id.toString(),
                Map.of("dueAt", due.toString()));
        if (request.subjectEmail() != null) {
            mail.extended(user.tenant(), request.subjectEmail(), clientName(user.tenant()), request.type(), due, why);
        }
        return store.find(id).orElseThrow();
    }

    /** Refuses an open request with a reason, which the subject is sent. */
    @Transactional
    public PrivacyRequest refuse(UUID id, String reason, AuditTrail.Actor actor) {
        SignedInUser user = requireAdmin();
        Validation check = Validation.start();
        String why = reasonText(check, reason);
        check.throwIfInvalid();
        PrivacyRequest request = locked(id);
        if (!request.status().open()) {
            throw conflictFor(request, "requests.conflict.refuse");
        }
        Instant now = clock.instant();
        store.finish(id, RequestStatus.REFUSED, null, why, now);
        store.appendHistory(
                user.tenant(),
                id,
                "refused",
                request.status(),
                RequestStatus.REFUSED,
                "user",
                user.userId(),
                why,
                null,
                now);
        audit.record(user.tenant(), actor, "privacy-request.refused", "privacy-request", id.toString(), Map.of());
        if (request.subjectEmail() != null) {
            mail.refused(user.tenant(), request.subjectEmail(), clientName(user.tenant()), request.type(), why);
        }
        return store.find(id).orElseThrow();
    }

    /** The package of a completed access or portability request, for an admin to hand over; the download is audited. */
    @Transactional
    public byte[] packageFor(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = requireAdmin();
        PrivacyRequest request = visible(id);
        RequestStore.StoredPackage stored = store.findPackage(id)
                .filter(p -> p.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new Conflict(
                        "status",
                        request.type().producesPackage()
                                ? "requests.conflict.no-package"
                                : "requests.conflict.no-package-type"));
        audit.record(
                user.tenant(),
                actor,
                "privacy-request.package-downloaded",
                "privacy-request",
                id.toString(),
                Map.of("by", "user", "bytes", stored.content().length));
        return stored.content();
    }

    // --- rules shared by the steps

    private PrivacyRequest visible(UUID id) {
        SignedInUser user = SignedInUser.require();
        return store.find(id).filter(r -> visibleTo(user, r)).orElseThrow(SubjectRequests::notFound);
    }

    private PrivacyRequest locked(UUID id) {
        return store.lock(id).orElseThrow(SubjectRequests::notFound);
    }

    private static boolean visibleTo(SignedInUser user, PrivacyRequest request) {
        return user.role().atLeast(Role.ADMIN) || user.userId().equals(request.filedBy());
    }

    private static UUID visibleOnlyTo() {
        SignedInUser user = SignedInUser.require();
        return user.role().atLeast(Role.ADMIN) ? null : user.userId();
    }

    private static SignedInUser requireAdmin() {
        SignedInUser user = SignedInUser.require();
        if (!user.role().atLeast(Role.ADMIN)) {
            throw new AccessDeniedException("data-subject requests are handled by admins");
        }
        return user;
    }

    private static NotFound notFound() {
        return new NotFound("privacy request");
    }

    /** A step that does not fit the request's state: final requests say so, others name the step's precondition. */
    private static Conflict conflictFor(PrivacyRequest request, String key) {
        if (request.status() == RequestStatus.AWAITING_CONFIRMATION) {
            return new Conflict("status", "requests.conflict.awaiting");
        }
        if (!request.status().open()) {
            return new Conflict("status", "requests.conflict.closed");
        }
        return new Conflict("status", key);
    }

    private String clientName(TenantId tenant) {
        return clients.find(tenant).map(Client::name).orElse("");
    }

    private static String reasonText(Validation check, String reason) {
        String text = optionalText(check, "reason", reason);
        if (text == null) {
            check.reject("reason", "validation.required");
        }
        return text;
    }

    /** Free text that may span lines: trimmed, at most {@value #MAX_TEXT} characters, no other control characters. */
    static String optionalText(Validation check, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replace("\r\n", "\n");
        if (text.length() > MAX_TEXT) {
            check.reject(field, "validation.too-long", MAX_TEXT);
        } else if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            check.reject(field, "requests.error.control-characters");
        }
        return text;
    }
}
