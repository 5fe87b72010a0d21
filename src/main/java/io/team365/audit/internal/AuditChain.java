package io.team365.audit.internal;

import io.team365.audit.ChainVerification;
import io.team365.core.TenantId;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.TenantTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail's hash chain (ADR 0010). Requests insert entries without any lock; this job seals them afterwards,
 * per Client and in order of (occurred_at, id), each seal holding SHA-256(previous hash ‖ canonical entry).
 * Verification recomputes the chain from its anchor and names the first altered, removed or late-inserted entry.
 */
@Component
public class AuditChain {

    /**
     * How far before the newest sealed entry a new entry may still be dated: its transaction started earlier but
     * committed later. An unsealed entry older than that was inserted out of order and is reported, never sealed.
     */
    static final Duration LATE = Duration.ofMinutes(10);

    private static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final String ENTRY_COLUMNS = "e.tenant_id, e.id, e.occurred_at, e.actor_id, e.actor_email,"
            + " e.action, e.target_type, e.target_id, e.details::text as details, e.ip, e.user_agent";

    private final JdbcClient jdbc;
    private final ClientManagement clients;
    private final TenantTransactions tenants;
    private final Clock clock;

    AuditChain(JdbcClient jdbc, ClientManagement clients, TenantTransactions tenants, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${team365.audit.seal-interval:PT15S}",
            initialDelayString = "${team365.audit.seal-initial-delay:PT20S}")
    public void sealAll() {
        for (TenantId tenant : clients.allIds()) {
            try {
                seal(tenant);
            } catch (RuntimeException e) {
                log.warn("Sealing the audit trail of {} failed; the next run tries again", tenant.value(), e);
            }
        }
    }

    /** Seals the Client's entries that wait for it; returns how many were sealed. */
    public int seal(TenantId tenant) {
        int total = 0;
        int sealed;
        do {
            sealed = tenants.call(tenant, null, () -> sealBatch(tenant));
            total += sealed;
        } while (sealed == BATCH);
        if (total > 0) {
            // the head leaves the database in the logs: a chain cut short (its newest entries removed together with
            // their seals) is told by comparing a later verification with the head logged here
            Link head = tenants.call(tenant, null, this::head);
            log.info(
                    "Audit chain of Client {} sealed to #{} {}",
                    tenant.value(),
                    head.seq(),
                    HexFormat.of().formatHex(head.hash()));
        }
        return total;
    }

    private int sealBatch(TenantId tenant) {
        // one sealer per Client at a time (also across nodes); retention's audit_expire() takes the same lock
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(365, hashtext(:tenant))")
                .param("tenant", tenant.value().toString())
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        Link head = head();
        Instant since = head.occurredAt() == null ? null : head.occurredAt().minus(LATE);
        List<CanonicalEntry> entries = jdbc.sql("select " + ENTRY_COLUMNS + """
                         from audit_events e
                        where e.tenant_id = app_tenant_id()
                          and (cast(:since as timestamptz) is null or e.occurred_at >= :since)
                          and not exists (select 1 from audit_seals s
                                          where s.tenant_id = e.tenant_id and s.entry_id = e.id)
                        order by e.occurred_at, e.id
                        limit :batch
                        """)
                .param("since", since == null ? null : java.sql.Timestamp.from(since))
                .param("batch", BATCH)
                .query(AuditChain::entry)
                .list();
        if (entries.isEmpty()) {
            return 0;
        }
        byte[] previous = head.hash();
        Long[] seqs = new Long[entries.size()];
        UUID[] ids = new UUID[entries.size()];
        String[] hashes = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            previous = entries.get(i).chain(previous);
            seqs[i] = head.seq() + i + 1;
            ids[i] = entries.get(i).id();
            hashes[i] = HexFormat.of().formatHex(previous);
        }
        jdbc.sql("""
                        insert into audit_seals (tenant_id, seq, entry_id, hash)
                        select :tenant, s.seq, s.entry_id, decode(s.hash, 'hex')
                        from unnest(:seqs, :ids, :hashes) as s (seq, entry_id, hash)
                        """)
                .param("tenant", tenant.value())
                .param("seqs", seqs)
                .param("ids", ids)
                .param("hashes", hashes)
                .update();
        return entries.size();
    }

    /** The last seal, with its entry's time; or the anchor (the genesis when retention never ran). */
    private Link head() {
        return jdbc.sql("""
                        select s.seq, s.hash, e.occurred_at
                        from audit_seals s
                        left join audit_events e on e.tenant_id = s.tenant_id and e.id = s.entry_id
                        where s.tenant_id = app_tenant_id()
                        order by s.seq desc
                        limit 1
                        """)
                .query((rs, row) ->
                        new Link(rs.getLong("seq"), rs.getBytes("hash"), instant(rs.getTimestamp("occurred_at"))))
                .optional()
                .orElseGet(() -> {
                    Link anchor = anchor();
                    return new Link(anchor.seq(), anchor.hash(), null);
                });
    }

    private Link anchor() {
        return jdbc.sql("select seq, hash from audit_chain_anchors where tenant_id = app_tenant_id()"
                        + " order by seq desc limit 1")
                .query((rs, row) -> new Link(rs.getLong("seq"), rs.getBytes("hash"), null))
                .optional()
                .orElseGet(() -> new Link(0, CanonicalEntry.GENESIS, null));
    }

    /** Recomputes the current Client's chain from its anchor, in one consistent snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainVerification verify() {
        Link anchor = anchor();
        byte[] previous = anchor.hash();
        long expected = anchor.seq() + 1;
        long verified = 0;
        Instant newest = null;
        ChainVerification.Problem problem = null;
        List<SealedEntry> batch;
        do {
            batch = sealedFrom(expected);
            for (SealedEntry sealed : batch) {
                if (sealed.seq() != expected) {
                    problem = new ChainVerification.Problem("removed", expected, null);
                } else if (sealed.entry() == null) {
                    problem = new ChainVerification.Problem("removed", sealed.seq(), sealed.entryId());
                } else if (!Arrays.equals(sealed.entry().chain(previous), sealed.hash())) {
                    problem = new ChainVerification.Problem("altered", sealed.seq(), sealed.entryId());
                } else if (newest != null && sealed.entry().occurredAt().isBefore(newest.minus(LATE))) {
                    problem = new ChainVerification.Problem("out-of-order", sealed.seq(), sealed.entryId());
                }
                if (problem != null) {
                    break;
                }
                previous = sealed.hash();
                expected++;
                verified++;
                Instant at = sealed.entry().occurredAt();
                newest = newest == null || at.isAfter(newest) ? at : newest;
            }
        } while (problem == null && batch.size() == BATCH);
        long unsealed = jdbc.sql("""
                        select count(*) from audit_events e
                        where e.tenant_id = app_tenant_id()
                          and not exists (select 1 from audit_seals s where s.tenant_id = e.tenant_id and s.entry_id = e.id)
                        """).query(Long.class).single();
        if (problem == null && newest != null) {
            problem = lateEntry(newest.minus(LATE));
        }
        return new ChainVerification(
                problem == null,
                anchor.seq(),
                verified,
                unsealed,
                HexFormat.of().formatHex(previous),
                problem,
                clock.instant());
    }

    /** The oldest entry that was never sealed though it is dated well before entries already sealed. */
    private ChainVerification.Problem lateEntry(Instant before) {
        return jdbc.sql("""
                        select e.id from audit_events e
                        where e.tenant_id = app_tenant_id() and e.occurred_at < :before
                          and not exists (select 1 from audit_seals s where s.tenant_id = e.tenant_id and s.entry_id = e.id)
                        order by e.occurred_at, e.id
                        limit 1
                        """)
                .param("before", java.sql.Timestamp.from(before))
                .query(UUID.class)
                .optional()
                .map(id -> new ChainVerification.Problem("out-of-order", null, id))
                .orElse(null);
    }

    private List<SealedEntry> sealedFrom(long seq) {
        return jdbc.sql("select s.seq, s.entry_id as sealed_entry, s.hash as sealed_hash, " + ENTRY_COLUMNS + """
                         from audit_seals s
                         left join audit_events e on e.tenant_id = s.tenant_id and e.id = s.entry_id
                        where s.tenant_id = app_tenant_id() and s.seq >= :seq
                        order by s.seq
                        limit :batch
                        """)
                .param("seq", seq)
                .param("batch", BATCH)
                .query((rs, row) -> new SealedEntry(
                        rs.getLong("seq"),
                        rs.getObject("sealed_entry", UUID.class),
                        rs.getBytes("sealed_hash"),
                        rs.getObject("id", UUID.class) == null ? null : entry(rs, row)))
                .list();
    }

    private static CanonicalEntry entry(ResultSet rs, int row) throws SQLException {
        return new CanonicalEntry(
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("id", UUID.class),
                instant(rs.getTimestamp("occurred_at")),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_email"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("details"),
                rs.getString("ip"),
                rs.getString("user_agent"));
    }

    private static Instant instant(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private record Link(long seq, byte[] hash, Instant occurredAt) {}

    private record SealedEntry(long seq, UUID entryId, byte[] hash, CanonicalEntry entry) {}
}
