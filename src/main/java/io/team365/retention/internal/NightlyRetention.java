package io.team365.retention.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.tenancy.ClientManagement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The nightly run: every Client's rules, one Client after another, a failure in one Client logged and the others
 * still run (a failing rule is reported in the Client's own run report); then the platform's own housekeeping.
 */
@Component
public class NightlyRetention {

    private static final Logger log = LoggerFactory.getLogger(NightlyRetention.class);

    private final ClientManagement clients;
    private final RetentionRunner runner;
    private final CompletedPublications publications;

    NightlyRetention(ClientManagement clients, RetentionRunner runner, CompletedPublications publications) {
        this.clients = clients;
        this.runner = runner;
        this.publications = publications;
    }

    public void runAll() {
        int failed = runFor(clients.allIds());
        long deleted = publications.delete();
        log.info("Nightly retention done: {} Clients failed; {} completed event publications deleted", failed, deleted);
    }

    /** Runs the given Clients' rules; returns how many Clients could not be run at all. */
    public int runFor(List<TenantId> tenants) {
        int failed = 0;
        for (TenantId tenant : tenants) {
            try {
                runner.run(tenant, "nightly", null, AuditTrail.Actor.system());
            } catch (RuntimeException e) {
                failed++;
                log.error("Retention run failed for Client {}", tenant.value(), e);
            }
        }
        return failed;
    }
}
