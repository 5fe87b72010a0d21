package io.team365.contacts.internal;

import io.team365.customfields.CustomFieldDeleted;
import io.team365.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** When a contact custom field is deleted, its values go from every contact: deleting a field deletes its data. */
@Component
class CustomFieldCleanup {

    private final JdbcClient jdbc;
    private final TenantTransactions tenants;

    CustomFieldCleanup(JdbcClient jdbc, TenantTransactions tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @Async
    @TransactionalEventListener
    void on(CustomFieldDeleted event) {
        if (!event.object().equals("contact")) {
            return;
        }
        tenants.run(
                event.tenant(),
                null,
                () -> jdbc.sql("update contacts set custom_fields = custom_fields - :key"
                                + " where jsonb_exists(custom_fields, :key)")
                        .param("key", event.key())
                        .update());
    }
}
