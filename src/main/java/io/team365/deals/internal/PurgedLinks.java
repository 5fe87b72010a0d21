package io.team365.deals.internal;

import io.team365.core.RecordsPurged;
import io.team365.tenancy.TenantTransactions;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Companies and contacts deleted for good are unlinked from deals, so no deal names a record that is gone. */
@Component
class PurgedLinks {

    private final JdbcClient jdbc;
    private final TenantTransactions tenants;

    PurgedLinks(JdbcClient jdbc, TenantTransactions tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @Async
    @TransactionalEventListener
    void on(RecordsPurged event) {
        UUID[] ids = event.recordIds().toArray(UUID[]::new);
        switch (event.recordType()) {
            case "contact" ->
                tenants.run(
                        event.tenant(),
                        null,
                        () -> jdbc.sql("delete from deal_contacts where contact_id = any(:ids)")
                                .param("ids", ids)
                                .update());
            case "company" ->
                tenants.run(
                        event.tenant(),
                        null,
                        () -> jdbc.sql("update deals set company_id = null where company_id = any(:ids)")
                                .param("ids", ids)
                                .update());
            default -> {
                // nothing of other record types is linked from deals
            }
        }
    }
}
