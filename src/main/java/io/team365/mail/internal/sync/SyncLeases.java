package io.team365.mail.internal.sync;

import io.team365.core.TenantId;
import io.team365.tenancy.DatabaseLookups;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who syncs which account (ADR 0022). A worker claims one due account across Clients as the {@code mail-sync}
 * worker (the only cross-Client access the V41 policies allow), holding it with a lease in the account row; all
 * further work, including renewing the lease and recording the outcome, runs with the account's Client bound.
 * Times come from the injected clock so tests can move them.
 */
@Component
class SyncLeases {

    static final String WORKER = "mail-sync";

    /** A claimed account: its Client and owner (the user the work is bound to). */
    record Claim(TenantId tenant, UUID accountId, UUID ownerId) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SyncLeases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the account most overdue whose lease is free or ran out; call inside a transaction. */
    Optional<Claim> claim(String owner, Duration lease) {
        DatabaseLookups.asWorker(jdbc, WORKER);
        Instant now = clock.instant();
        return jdbc.sql("""
                        update mail_accounts set status = 'syncing', lease_owner = :owner, lease_until = :until
                        where (tenant_id, id) = (
                            select tenant_id, id from mail_accounts
                            where next_sync_at <= :now and status not in ('disconnected', 'auth_failed')
                                and (lease_until is null or lease_until < :now)
                            order by next_sync_at limit 1 for update skip locked)
                        returning tenant_id, id, owner_id
                        """)
                .param("owner", owner)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(lease)))
                .query((rs, n) -> new Claim(
                        new TenantId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class)))
                .optional();
    }

    /**
     * Renews the lease if {@code owner} still holds it (Client bound, inside the batch's transaction). A worker that
     * lost its lease stops, so two workers never write the same account's batch.
     */
    boolean hold(UUID accountId, String owner, Duration lease) {
        return jdbc.sql("""
                        update mail_accounts set lease_until = :until
                        where id = :id and lease_owner = :owner and status <> 'disconnected'
                        """)
                        .param("until", Timestamp.from(clock.instant().plus(lease)))
                        .param("id", accountId)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    /** A sync went through: status ok, failures forgotten, the next sync after the poll interval. */
    void succeeded(UUID accountId, String owner, Duration pollInterval) {
        Instant now = clock.instant();
        jdbc.sql("""
                        update mail_accounts set status = 'ok', last_error = null, last_error_at = null, failures = 0,
                            last_synced_at = :now, next_sync_at = :next, lease_owner = null, lease_until = null,
                            updated_at = :now
                        where id = :id and lease_owner = :owner
                        """)
                .param("now", Timestamp.from(now))
                .param("next", Timestamp.from(now.plus(pollInterval)))
                .param("id", accountId)
                .param("owner", owner)
                .update();
    }

    /**
     * A sync failed: the status ('error' or 'auth_failed'), a message key, one more failure, and the next attempt
     * after an exponential back-off (1 minute doubling up to 1 hour, with jitter so many accounts of one server that
     * came back do not all retry in the same second).
     */
    void failed(UUID accountId, String owner, SyncFailure failure, double jitter) {
        Instant now = clock.instant();
        int failures = jdbc.sql("select failures from mail_accounts where id = :id")
                .param("id", accountId)
                .query(Integer.class)
                .optional()
                .orElse(0);
        Duration wait = backOff(failures + 1, jitter);
        jdbc.sql("""
                        update mail_accounts set
                            -- a refused sign-in recorded meanwhile (an OAuth refresh on another path) says more
                            -- than this attempt's transient error, and stops the retries until the user acts
                            status = case when status = 'auth_failed' then status else :status end,
                            last_error = case when status = 'auth_failed' then last_error else :key end,
                            last_error_at = :now,
                            failures = failures + 1, next_sync_at = :next, lease_owner = null, lease_until = null,
                            updated_at = :now
                        where id = :id and lease_owner = :owner
                        """)
                .param("status", failure.status())
                .param("key", failure.messageKey())
                .param("now", Timestamp.from(now))
                .param("next", Timestamp.from(now.plus(wait)))
                .param("id", accountId)
                .param("owner", owner)
                .update();
    }

    /** The wait before attempt {@code failures + 1}: 1, 2, 4 … minutes, at most an hour, times {@code jitter}. */
    static Duration backOff(int failures, double jitter) {
        long minutes = Math.min(60, 1L << Math.min(6, Math.max(0, failures - 1)));
        long seconds = Math.round(minutes * 60 * jitter);
        return Duration.ofSeconds(Math.max(30, Math.min(3600 + 600, seconds)));
    }
}
