package io.team365.contacts.internal;

import io.team365.contacts.ContactsPurged;
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
 * Deletes contacts that have been in the trash for 30 days, for good. It visits each Client in turn with that
 * Client bound, so row-level security holds here as everywhere else.
 */
@Component
public class TrashPurge {

    public static final Duration KEPT = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);

    private final ClientManagement clients;
    private final JdbcClient jdbc;
    private final TenantTransactions tenants;
    private final ApplicationEventPublisher events;

    TrashPurge(
            ClientManagement clients, JdbcClient jdbc, TenantTransactions tenants, ApplicationEventPublisher events) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeExpired() {
        int purged = 0;
        for (TenantId tenant : clients.allIds()) {
            purged += purge(tenant);
        }
        if (purged > 0) {
            log.info("Purged {} contacts that had been in the trash for {} days", purged, KEPT.toDays());
        }
    }

    int purge(TenantId tenant) {
        return tenants.call(tenant, null, () -> {
            List<UUID> purged = jdbc.sql(
                            "delete from contacts where deleted_at < now() - make_interval(secs => :seconds)"
                                    + " returning id")
                    .param("seconds", (double) KEPT.toSeconds())
                    .query(UUID.class)
                    .list();
            if (!purged.isEmpty()) {
                events.publishEvent(new ContactsPurged(tenant, purged));
            }
            return purged.size();
        });
    }
}
