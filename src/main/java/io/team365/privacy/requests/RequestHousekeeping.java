package io.team365.privacy.requests;

import io.team365.core.TenantId;
import io.team365.tenancy.ClientManagement;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly, per Client: deletes expired packages and visitor requests whose code was never confirmed. */
@Component
class RequestHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(RequestHousekeeping.class);

    private final ClientManagement clients;
    private final VisitorRequests visitors;

    RequestHousekeeping(ClientManagement clients, VisitorRequests visitors) {
        this.clients = clients;
        this.visitors = visitors;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void purge() {
        for (TenantId tenant : clients.allIds()) {
            try {
                int purged = visitors.purgeExpired(tenant);
                if (purged > 0) {
                    LOG.info("privacy requests: purged {} expired packages or unconfirmed requests", purged);
                }
            } catch (RuntimeException e) {
                LOG.warn("privacy requests: purging failed for one Client", e);
            }
        }
    }
}
