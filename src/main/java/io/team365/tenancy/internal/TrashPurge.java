package io.team365.tenancy.internal;

import io.team365.core.RecordTable;
import io.team365.core.RecordsPurged;
import io.team365.core.TenantId;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes records that have been in the trash long enough, for good, in every table a module declared with a
 * {@link RecordTable}, and announces what went so other modules drop what they keep about it (timeline, links, file
 * blobs). The nightly retention run drives it through {@link TrashRetention} with each Client's period (30 days
 * unless the Client chose otherwise); {@link #purge(TenantId)} applies the default, for tests and manual use.
 */
@Component
public class TrashPurge {

    public static final Duration KEPT = Duration.ofDays(30);

    private final ClientManagement clients;
    private final JdbcClient jdbc;
    private final TenantTransactions tenants;
    private final ApplicationEventPublisher events;
    private final List<RecordTable> tables;
    private final Clock clock;

    TrashPurge(
            ClientManagement clients,
            JdbcClient jdbc,
            TenantTransactions tenants,
            ApplicationEventPublisher events,
            List<RecordTable> tables,
            Clock clock) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.events = events;
        this.tables = tables;
        this.clock = clock;
    }

    /** Every Client's trash older than the default 30 days. */
    public void purgeExpired() {
        for (TenantId tenant : clients.allIds()) {
            purge(tenant);
        }
    }

    /** Purges one Client's trash older than the default 30 days, in a transaction of its own; returns how many. */
    public int purge(TenantId tenant) {
        Instant cutoff = clock.instant().minus(KEPT);
        return tenants.call(tenant, null, () -> (int) purgeBefore(tenant, cutoff));
    }

    /** How many records of the bound Client went to the trash before {@code cutoff}. */
    long countBefore(Instant cutoff) {
        long count = 0;
        for (RecordTable table : tables) {
            count += jdbc.sql("select count(*) from " + table.table() + " where " + expired(table))
                    .param("cutoff", java.sql.Timestamp.from(cutoff))
                    .param("type", table.recordType())
                    .query(Long.class)
                    .single();
        }
        return count;
    }

    /** Deletes them, in the caller's transaction with the Client bound, and announces each table's ids. */
    long purgeBefore(TenantId tenant, Instant cutoff) {
        long purged = 0;
        for (RecordTable table : tables) {
            List<UUID> ids = jdbc.sql("delete from " + table.table() + " where " + expired(table) + " returning id")
                    .param("cutoff", java.sql.Timestamp.from(cutoff))
                    .param("type", table.recordType())
                    .query(UUID.class)
                    .list();
            if (!ids.isEmpty()) {
                events.publishEvent(new RecordsPurged(tenant, table.recordType(), ids));
            }
            purged += ids.size();
        }
        return purged;
    }

    /**
     * In the trash since before the cutoff, and not restricted: a record whose processing a data subject had
     * restricted (to keep it for a legal claim, say) is only stored, never purged, until the restriction is lifted.
     */
    private static String expired(RecordTable table) {
        return "deleted_at < :cutoff and not exists (select 1 from processing_restrictions r where r.tenant_id = "
                + table.table() + ".tenant_id and r.record_type = :type and r.record_id = " + table.table() + ".id)";
    }
}
