package io.team365.privacy.requests;

import io.team365.audit.AuditTrail;
import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.identity.Member;
import io.team365.identity.TeamManagement;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The public side: a visitor files a request to a Client at {@code /privacy/request/{clientId}}, proves they hold the
 * address with a 6-digit emailed code, then follows it through a status link. Work runs in a transaction bound to
 * the Client named in the path (or in the status token), so row-level security applies as for its own users.
 */
@Service
public class VisitorRequests {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(30);
    static final int MAX_ATTEMPTS = 5;
    /** Unconfirmed requests hold an address the visitor never proved: gone a day after their code expired. */
    static final Duration UNCONFIRMED_KEPT = Duration.ofDays(1);

    private final RequestStore store;
    private final RequestMail mail;
    private final RequestThrottle throttle;
    private final AuditTrail audit;
    private final ClientManagement clients;
    private final TeamManagement team;
    private final TenantTransactions transactions;
    private final Clock clock;

    VisitorRequests(
            RequestStore store,
            RequestMail mail,
            RequestThrottle throttle,
            AuditTrail audit,
            ClientManagement clients,
            TeamManagement team,
            TenantTransactions transactions,
            Clock clock) {
        this.store = store;
        this.mail = mail;
        this.throttle = throttle;
        this.audit = audit;
        this.clients = clients;
        this.team = team;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The Client's name for the form's heading, or empty when no such Client exists. */
    public Optional<String> clientName(TenantId tenant) {
        return transactions.call(tenant, null, () -> clients.find(tenant).map(Client::name));
    }

    /**
     * Files the request, awaiting its code, and emails the code. Bad input and flooding change nothing.
     *
     * @return the new request's id, for the confirmation form
     * @throws io.team365.core.InvalidInput naming the fields
     * @throws Throttled too many filings from this address or codes to this email
     * @throws NotFound no such Client
     */
    public UUID submit(TenantId tenant, String type, String email, String details, AuditTrail.Actor actor) {
        Validation check = Validation.start();
        Optional<RequestType> kind = RequestType.parse(type);
        if (kind.isEmpty()) {
            check.reject("type", "requests.error.type", String.join(", ", RequestType.names()));
        }
        String subject = check.email("email", email);
        String text = SubjectRequests.optionalText(check, "details", details);
        check.throwIfInvalid();
        // counted once the input is valid: a visitor's typos cost no filing, and bad input stores and sends nothing
        long wait = throttle.fileFrom(actor.ip());
        if (wait > 0) {
            throw new Throttled(wait);
        }
        wait = throttle.codeTo(subject);
        if (wait > 0) {
            throw new Throttled(wait);
        }
        return transactions.call(tenant, null, () -> {
            String client = clients.find(tenant).map(Client::name).orElseThrow(() -> new NotFound("client"));
            Instant now = clock.instant();
            UUID id = Ids.newId();
            store.insert(
                    tenant,
                    id,
                    kind.orElseThrow(),
                    RequestStatus.AWAITING_CONFIRMATION,
                    "public-form",
                    subject,
                    text,
                    null,
                    null,
                    null,
                    now);
            String code = Secrets.newCode();
            store.putCode(tenant, id, Secrets.codeHash(id, code), now.plus(CODE_LIFETIME));
            store.appendHistory(
                    tenant, id, "filed", null, RequestStatus.AWAITING_CONFIRMATION, "subject", null, null, null, now);
            audit.record(
                    tenant,
                    actor,
                    "privacy-request.submitted",
                    "privacy-request",
                    id.toString(),
                    Map.of("type", kind.orElseThrow().value()));
            mail.code(tenant, subject, client, kind.orElseThrow(), code);
            return id;
        });
    }

    /** How a code check ended. {@code token} is the status link's secret on success, shown once. */
    public record Confirmation(Result result, int attemptsLeft, String token, Instant dueAt) {

        public enum Result {
            CONFIRMED,
            WRONG,
            /** Expired, or killed by too many wrong codes: the visitor files again. */
            EXPIRED,
            LOCKED,
            /** No request awaiting a code under that id (never made, tampered, or already confirmed). */
            UNKNOWN
        }

        static Confirmation of(Result result) {
            return new Confirmation(result, 0, null, null);
        }
    }

    /**
     * Checks the code. A wrong one is counted (the count is committed); the fifth wrong one kills it. The right one
     * makes the request received: the deadline starts, the visitor gets their status link, the admins are told.
     *
     * @throws Throttled too many attempts from this address
     */
    public Confirmation confirm(TenantId tenant, String requestId, String code, AuditTrail.Actor actor) {
        long wait = throttle.attemptFrom(actor.ip());
        if (wait > 0) {
            throw new Throttled(wait);
        }
        UUID id;
        try {
            id = UUID.fromString(requestId == null ? "" : requestId.strip());
        } catch (IllegalArgumentException e) {
            return Confirmation.of(Confirmation.Result.UNKNOWN);
        }
        String given = code == null ? "" : code.strip();
        return transactions.call(tenant, null, () -> {
            Optional<PrivacyRequest> found =
                    store.lock(id).filter(r -> r.status() == RequestStatus.AWAITING_CONFIRMATION);
            if (found.isEmpty()) {
                return Confirmation.of(Confirmation.Result.UNKNOWN);
            }
            PrivacyRequest request = found.get();
            Optional<RequestStore.Code> stored = store.lockCode(id);
            Instant now = clock.instant();
            if (stored.isEmpty() || !now.isBefore(stored.get().expiresAt())) {
                return Confirmation.of(Confirmation.Result.EXPIRED);
            }
            if (stored.get().attempts() >= MAX_ATTEMPTS) {
                return Confirmation.of(Confirmation.Result.LOCKED);
            }
            if (!given.matches("\\d{6}")
                    || !Secrets.codeHash(id, given).equals(stored.get().hash())) {
                store.countFailedAttempt(id);
                int left = MAX_ATTEMPTS - stored.get().attempts() - 1;
                return left <= 0
                        ? Confirmation.of(Confirmation.Result.LOCKED)
                        : new Confirmation(Confirmation.Result.WRONG, left, null, null);
            }
            Instant due = Deadlines.dueAfter(now);
            String token = Secrets.newStatusToken(tenant);
            store.receive(id, now, due, Secrets.sha256(token));
            store.deleteCode(id);
            store.appendHistory(
                    tenant,
                    id,
                    "confirmed",
                    RequestStatus.AWAITING_CONFIRMATION,
                    RequestStatus.RECEIVED,
                    "subject",
                    null,
                    null,
                    due,
                    now);
            audit.record(tenant, actor, "privacy-request.confirmed", "privacy-request", id.toString(), Map.of());
            String client = clients.find(tenant).map(Client::name).orElse("");
            mail.received(tenant, request.subjectEmail(), client, request.type(), due, token);
            for (Member admin : team.administrators(tenant)) {
                mail.adminNotice(tenant, admin.email(), client, request.type(), due, id);
            }
            return new Confirmation(Confirmation.Result.CONFIRMED, MAX_ATTEMPTS, token, due);
        });
    }

    /** What the status page shows: never the subject's address or details, only where the request stands. */
    public record Status(
            String clientName,
            RequestType type,
            RequestStatus status,
            Instant receivedAt,
            Instant dueAt,
            String refusalReason,
            Instant packageExpiresAt) {

        public boolean packageAvailable() {
            return packageExpiresAt != null;
        }
    }

    public Optional<Status> status(String token) {
        Optional<TenantId> tenant = Secrets.tenantOf(token);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        return transactions.call(
                tenant.get(),
                null,
                () -> store.findByTokenHash(Secrets.sha256(token))
                        .map(request -> new Status(
                                clients.find(tenant.get()).map(Client::name).orElse(""),
                                request.type(),
                                request.status(),
                                request.receivedAt(),
                                request.dueAt(),
                                request.refusalReason(),
                                request.status() == RequestStatus.COMPLETED
                                        ? store.packageExpiry(request.id())
                                                .filter(expiry -> expiry.isAfter(clock.instant()))
                                                .orElse(null)
                                        : null)));
    }

    /** The subject's package through their status link, while it lasts; the download is audited. */
    public Optional<byte[]> packageFor(String token, AuditTrail.Actor actor) {
        Optional<TenantId> tenant = Secrets.tenantOf(token);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        return transactions.call(
                tenant.get(),
                null,
                () -> store.findByTokenHash(Secrets.sha256(token))
                        .filter(request -> request.status() == RequestStatus.COMPLETED)
                        .flatMap(request -> store.findPackage(request.id())
                                .filter(stored -> stored.expiresAt().isAfter(clock.instant()))
                                .map(stored -> {
                                    audit.record(
                                            tenant.get(),
                                            actor,
                                            "privacy-request.package-downloaded",
                                            "privacy-request",
                                            request.id().toString(),
                                            Map.of("by", "subject", "bytes", stored.content().length));
                                    return stored.content();
                                })));
    }

    /** Expired packages and codes never confirmed, for the housekeeping job. */
    int purgeExpired(TenantId tenant) {
        Instant now = clock.instant();
        return transactions.call(
                tenant,
                null,
                () -> store.purgeExpired(now, now.minus(CODE_LIFETIME).minus(UNCONFIRMED_KEPT)));
    }
}
