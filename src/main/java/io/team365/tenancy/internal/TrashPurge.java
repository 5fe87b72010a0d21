package io.team365.tenancy.internal;

import io.team365.core.RecordTable;
import io.team365.core.RecordsPurged;
import io.team365.core.TenantId;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes records that have been in the trash for 30 days, for good, in every table a module declared with a
 * {@link RecordTable}. It visits each Client in turn with that Client bound, so row-level security holds here as
 * everywhere else, and announces what went so other modules drop what they keep about it.
 */
@Component
public class TrashPurge {

    public static final Duration KEPT = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);

    private final ClientManagement clients;
    private final JdbcClient jdbc;
    private final TenantTransactions tenants;
    private final ApplicationEventPublisher events;
    private final List<RecordTable> tables;

    TrashPurge(
            ClientManagement clients,
            JdbcClient jdbc,
            TenantTransactions tenants,
            ApplicationEventPublisher events,
            List<RecordTable> tables) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.events = events;
        this.tables = tables;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeExpired() {
        int purged = 0;
        for (TenantId tenant : clients.allIds()) {
            purged += purge(tenant);
        }
        if (purged > 0) {
            log.info("Purged {} records that had been in the trash for {} days", purged, KEPT.toDays());
        }
    }

    /** Purges one Client's expired trash, each table in its own transaction; returns how many records went. */
    public int purge(TenantId tenant) {
        int purged = 0;
        for (RecordTable table : tables) {
            purged += tenants.call(tenant, null, () -> {
                List<UUID> ids = jdbc.sql("delete from " + table.table()
                                + " where deleted_at < now() - make_interval(secs => :seconds) returning id")
                        .param("seconds", (double) KEPT.toSeconds())
                        .query(UUID.class)
                        .list();
                if (!ids.isEmpty()) {
                    events.publishEvent(new RecordsPurged(tenant, table.recordType(), ids));
                }
                return ids.size();
            });
        }
        return purged;
    }
}
