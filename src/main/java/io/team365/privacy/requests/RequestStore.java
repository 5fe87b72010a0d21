package io.team365.privacy.requests;

import io.team365.core.Ids;
import io.team365.core.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code privacy_requests} and its history, codes and packages. Runs in the caller's transaction, under
 * row-level security for the tenant bound to it.
 */
@Repository
class RequestStore {

    private static final String COLUMNS = "id, type, status, channel, subject_email, subject_hash, details, filed_by,"
            + " received_at, original_due_at, due_at, outcome_note, refusal_reason, created_at, updated_at";

    /** The queue's order: by due date; a request still awaiting its code has none yet and sorts by when it came. */
    static final String SORT_KEY = "coalesce(due_at, created_at)";

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            TenantId tenant,
            UUID id,
            RequestType type,
            RequestStatus status,
            String channel,
            String email,
            String details,
            UUID filedBy,
            Instant receivedAt,
            Instant dueAt,
            Instant now) {
        jdbc.sql("""
                        insert into privacy_requests (tenant_id, id, type, status, channel, subject_email, details,
                            filed_by, received_at, original_due_at, due_at, created_at, updated_at)
                        values (:tenant, :id, :type, :status, :channel, :email, :details, :filedBy, :received, :due,
                            :due, :now, :now)
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .param("type", type.value())
                .param("status", status.value())
                .param("channel", channel)
                .param("email", email)
                .param("details", details)
                .param("filedBy", filedBy)
                .param("received", ts(receivedAt))
                .param("due", ts(dueAt))
                .param("now", ts(now))
                .update();
    }

    Optional<PrivacyRequest> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from privacy_requests where id = :id")
                .param("id", id)
                .query(RequestStore::request)
                .optional();
    }

    /** The request, locked until the transaction ends: two admins acting at once take turns. */
    Optional<PrivacyRequest> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from privacy_requests where id = :id for update")
                .param("id", id)
                .query(RequestStore::request)
                .optional();
    }

    Optional<PrivacyRequest> findByTokenHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from privacy_requests where status_token_hash = :hash")
                .param("hash", hash)
                .query(RequestStore::request)
                .optional();
    }

    /**
     * A page of the queue in due-date order, after the given position; {@code filedBy} limits it to one person's
     * requests (null for all).
     */
    List<PrivacyRequest> page(
            Collection<RequestStatus> statuses, UUID filedBy, Instant afterKey, UUID afterId, int limit) {
        String after = afterKey == null ? "true" : "(" + SORT_KEY + ", id) > (:afterKey, :afterId)";
        var sql = jdbc.sql("select " + COLUMNS + " from privacy_requests where status in (:statuses)"
                        + (filedBy == null ? "" : " and filed_by = :filedBy") + " and " + after
                        + " order by " + SORT_KEY + ", id limit :limit")
                .param("statuses", statuses.stream().map(RequestStatus::value).toList())
                .param("limit", limit);
        if (filedBy != null) {
            sql = sql.param("filedBy", filedBy);
        }
        if (afterKey != null) {
            sql = sql.param("afterKey", ts(afterKey)).param("afterId", afterId);
        }
        return sql.query(RequestStore::request).list();
    }

    void setStatus(UUID id, RequestStatus status, Instant now) {
        jdbc.sql("update privacy_requests set status = :status, updated_at = :now where id = :id")
                .param("id", id)
                .param("status", status.value())
                .param("now", ts(now))
                .update();
    }

    /** The emailed code was right: the request counts as received from now, and the deadline starts. */
    void receive(UUID id, Instant receivedAt, Instant dueAt, String tokenHash) {
        jdbc.sql("""
                        update privacy_requests set status = 'received', received_at = :received,
                            original_due_at = :due, due_at = :due, status_token_hash = :token, updated_at = :received
                        where id = :id
                        """)
                .param("id", id)
                .param("received", ts(receivedAt))
                .param("due", ts(dueAt))
                .param("token", tokenHash)
                .update();
    }

    void setStatusToken(UUID id, String tokenHash) {
        jdbc.sql("update privacy_requests set status_token_hash = :token where id = :id")
                .param("id", id)
                .param("token", tokenHash)
                .update();
    }

    void setDue(UUID id, Instant dueAt, Instant now) {
        jdbc.sql("update privacy_requests set due_at = :due, updated_at = :now where id = :id")
                .param("id", id)
                .param("due", ts(dueAt))
                .param("now", ts(now))
                .update();
    }

    void finish(UUID id, RequestStatus status, String outcomeNote, String refusalReason, Instant now) {
        jdbc.sql("""
                        update privacy_requests set status = :status, outcome_note = :note, refusal_reason = :reason,
                            updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("status", status.value())
                .param("note", outcomeNote)
                .param("reason", refusalReason)
                .param("now", ts(now))
                .update();
    }

    void appendHistory(
            TenantId tenant,
            UUID requestId,
            String action,
            RequestStatus from,
            RequestStatus to,
            String actor,
            UUID userId,
            String reason,
            Instant dueAt,
            Instant at) {
        jdbc.sql("""
                        insert into privacy_request_history (tenant_id, id, request_id, action, from_status, to_status,
                            actor, user_id, reason, due_at, at)
                        values (:tenant, :id, :request, :action, :from, :to, :actor, :user, :reason, :due, :at)
                        """)
                .param("tenant", tenant.value())
                .param("id", Ids.newId())
                .param("request", requestId)
                .param("action", action)
                .param("from", from == null ? null : from.value())
                .param("to", to.value())
                .param("actor", actor)
                .param("user", userId)
                .param("reason", reason)
                .param("due", ts(dueAt))
                .param("at", ts(at))
                .update();
    }

    List<HistoryEntry> history(UUID requestId) {
        return jdbc.sql("""
                        select id, action, from_status, to_status, actor, user_id, reason, due_at, at
                        from privacy_request_history where request_id = :request order by at, id
                        """)
                .param("request", requestId)
                .query((rs, n) -> new HistoryEntry(
                        rs.getObject("id", UUID.class),
                        rs.getString("action"),
                        rs.getString("from_status"),
                        rs.getString("to_status"),
                        rs.getString("actor"),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("reason"),
                        instant(rs.getTimestamp("due_at")),
                        instant(rs.getTimestamp("at"))))
                .list();
    }

    /** How many extensions a request already had. */
    int extensions(UUID requestId) {
        return jdbc.sql("select count(*) from privacy_request_history where request_id = :request"
                        + " and action = 'extended'")
                .param("request", requestId)
                .query(Integer.class)
                .single();
    }

    // --- confirmation codes

    record Code(UUID requestId, String hash, int attempts, Instant expiresAt) {}

    void putCode(TenantId tenant, UUID requestId, String hash, Instant expiresAt) {
        jdbc.sql("""
                        insert into privacy_request_codes (tenant_id, request_id, code_hash, expires_at)
                        values (:tenant, :request, :hash, :expires)
                        """)
                .param("tenant", tenant.value())
                .param("request", requestId)
                .param("hash", hash)
                .param("expires", ts(expiresAt))
                .update();
    }

    Optional<Code> lockCode(UUID requestId) {
        return jdbc.sql("select request_id, code_hash, attempts, expires_at from privacy_request_codes"
                        + " where request_id = :request for update")
                .param("request", requestId)
                .query((rs, n) -> new Code(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), instant(rs.getTimestamp(4))))
                .optional();
    }

    void countFailedAttempt(UUID requestId) {
        jdbc.sql("update privacy_request_codes set attempts = attempts + 1 where request_id = :request")
                .param("request", requestId)
                .update();
    }

    void deleteCode(UUID requestId) {
        jdbc.sql("delete from privacy_request_codes where request_id = :request")
                .param("request", requestId)
                .update();
    }

    // --- packages

    void storePackage(TenantId tenant, UUID requestId, byte[] zip, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        insert into privacy_request_packages (tenant_id, request_id, content, created_at, expires_at)
                        values (:tenant, :request, :content, :now, :expires)
                        on conflict (tenant_id, request_id) do update
                            set content = excluded.content, created_at = excluded.created_at,
                                expires_at = excluded.expires_at
                        """)
                .param("tenant", tenant.value())
                .param("request", requestId)
                .param("content", zip)
                .param("now", ts(now))
                .param("expires", ts(expiresAt))
                .update();
    }

    record StoredPackage(byte[] content, Instant createdAt, Instant expiresAt) {}

    Optional<StoredPackage> findPackage(UUID requestId) {
        return jdbc.sql("select content, created_at, expires_at from privacy_request_packages"
                        + " where request_id = :request")
                .param("request", requestId)
                .query((rs, n) ->
                        new StoredPackage(rs.getBytes(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))))
                .optional();
    }

    Optional<Instant> packageExpiry(UUID requestId) {
        return jdbc.sql("select expires_at from privacy_request_packages where request_id = :request")
                .param("request", requestId)
                .query((rs, n) -> instant(rs.getTimestamp(1)))
                .optional();
    }

    // --- erasure and housekeeping

    /**
     * After an erasure: every request of the subject keeps only the hash of their address (and loses its free-text
     * details), their codes and packages go. Returns the number of requests changed.
     */
    int forgetSubject(String email, String subjectHash) {
        jdbc.sql("""
                        delete from privacy_request_codes where request_id in
                            (select id from privacy_requests where lower(subject_email) = lower(:email))
                        """).param("email", email).update();
        jdbc.sql("""
                        delete from privacy_request_packages where request_id in
                            (select id from privacy_requests where lower(subject_email) = lower(:email))
                        """).param("email", email).update();
        return jdbc.sql("""
                        update privacy_requests set subject_email = null, subject_hash = :hash, details = null
                        where lower(subject_email) = lower(:email)
                        """).param("email", email).param("hash", subjectHash).update();
    }

    /** Expired packages, and visitor requests whose code ran out without being confirmed (they hold an email). */
    int purgeExpired(Instant now, Instant unconfirmedBefore) {
        int packages = jdbc.sql("delete from privacy_request_packages where expires_at < :now")
                .param("now", ts(now))
                .update();
        int unconfirmed = jdbc.sql("""
                        delete from privacy_requests
                        where status = 'awaiting-confirmation' and created_at < :before
                        """).param("before", ts(unconfirmedBefore)).update();
        return packages + unconfirmed;
    }

    private static PrivacyRequest request(ResultSet rs, int row) throws SQLException {
        return new PrivacyRequest(
                rs.getObject("id", UUID.class),
                RequestType.parse(rs.getString("type")).orElseThrow(),
                RequestStatus.of(rs.getString("status")),
                rs.getString("channel"),
                rs.getString("subject_email"),
                rs.getString("subject_hash") != null,
                rs.getString("details"),
                rs.getObject("filed_by", UUID.class),
                instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("original_due_at")),
                instant(rs.getTimestamp("due_at")),
                rs.getString("outcome_note"),
                rs.getString("refusal_reason"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
