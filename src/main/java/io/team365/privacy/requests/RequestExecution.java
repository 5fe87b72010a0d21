package io.team365.privacy.requests;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.identity.SignedInUser;
import io.team365.privacy.internal.ErasureOutcome;
import io.team365.privacy.internal.SubjectData;
import io.team365.privacy.internal.SubjectRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Carries out a verified request with the registry-driven engine ({@link SubjectData}): builds and stores the package
 * of an access or portability request, erases, restricts or records the objection, or, for a rectification, names the
 * records to correct and waits for a user to complete it with a note. Runs inside the caller's transaction, so a
 * failing engine leaves the request verified and nothing half done.
 */
@Component
public class RequestExecution {

    /** How long a package stays downloadable. */
    public static final Duration PACKAGE_LIFETIME = Duration.ofDays(14);

    /** What executing did: the request afterwards and, for a rectification, the subject's records to correct. */
    public record Outcome(PrivacyRequest request, SubjectRecords recordsToEdit) {}

    private final RequestStore store;
    private final RequestMail mail;
    private final AuditTrail audit;
    private final SubjectData engine;
    private final Clock clock;

    RequestExecution(RequestStore store, RequestMail mail, AuditTrail audit, SubjectData engine, Clock clock) {
        this.store = store;
        this.mail = mail;
        this.audit = audit;
        this.engine = engine;
        this.clock = clock;
    }

    Outcome execute(SignedInUser user, PrivacyRequest request, AuditTrail.Actor actor, String clientName) {
        SubjectData subjects = engine;
        TenantId tenant = user.tenant();
        Instant now = clock.instant();
        store.setStatus(request.id(), RequestStatus.IN_PROGRESS, now);
        store.appendHistory(
                tenant,
                request.id(),
                "started",
                request.status(),
                RequestStatus.IN_PROGRESS,
                "user",
                user.userId(),
                null,
                null,
                now);
        audit.record(
                tenant,
                actor,
                "privacy-request.started",
                "privacy-request",
                request.id().toString(),
                Map.of());
        SubjectRecords subject = subjects.find(tenant, request.subjectEmail());
        PrivacyRequest started = store.find(request.id()).orElseThrow();
        switch (request.type()) {
            case ACCESS, PORTABILITY -> {
                ByteArrayOutputStream zip = new ByteArrayOutputStream();
                try {
                    subjects.writePackage(tenant, subject, request.id(), zip);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                store.storePackage(tenant, request.id(), zip.toByteArray(), now, now.plus(PACKAGE_LIFETIME));
                finish(user, started, null, actor, clientName);
            }
            case ERASURE -> {
                // our own rows first: the request stays as proof, with only the hash of the address
                // (every address of the subject: requests filed under their other addresses are theirs too)
                Set<String> addresses = new LinkedHashSet<>(subject.emails());
                addresses.add(request.subjectEmail());
                addresses.forEach(address -> store.forgetSubject(address, Secrets.subjectHash(tenant, address)));
                ErasureOutcome outcome = subjects.erase(tenant, subject, request.id());
                audit.record(
                        tenant,
                        actor,
                        "privacy-request.erased",
                        "privacy-request",
                        request.id().toString(),
                        Map.of(
                                "deletedRows", sum(outcome.deleted()),
                                "anonymisedRows", sum(outcome.anonymised())));
                finish(user, store.find(request.id()).orElseThrow(), null, actor, clientName);
            }
            case RESTRICTION -> {
                subjects.restrict(tenant, subject, request.id());
                finish(user, started, null, actor, clientName);
            }
            case OBJECTION -> {
                subjects.object(tenant, subject, request.id());
                finish(user, started, null, actor, clientName);
            }
            case RECTIFICATION -> {
                // people correct the records themselves; the request is completed with a note of what changed
                return new Outcome(started, subject);
            }
        }
        return new Outcome(store.find(request.id()).orElseThrow(), null);
    }

    /** Completes an in-progress request; the subject is told, except after an erasure (their address is gone). */
    void finish(SignedInUser user, PrivacyRequest request, String note, AuditTrail.Actor actor, String clientName) {
        Instant now = clock.instant();
        store.finish(request.id(), RequestStatus.COMPLETED, note, null, now);
        store.appendHistory(
                user.tenant(),
                request.id(),
                "completed",
                RequestStatus.IN_PROGRESS,
                RequestStatus.COMPLETED,
                "user",
                user.userId(),
                note,
                null,
                now);
        audit.record(
                user.tenant(),
                actor,
                "privacy-request.completed",
                "privacy-request",
                request.id().toString(),
                Map.of("type", request.type().value()));
        if (request.type() != RequestType.ERASURE && request.subjectEmail() != null) {
            mail.completed(user.tenant(), request.subjectEmail(), clientName, request.type());
        }
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
