package io.team365.contacts.internal;

import io.team365.customfields.CustomFieldDeleted;
import io.team365.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/** When a contact custom field is deleted, its values go from every contact: deleting a field deletes its data. */
@Component
class CustomFieldCleanup {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    CustomFieldCleanup(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Async
    @TransactionalEventListener
    void on(CustomFieldDeleted event) {
        if (!event.object().equals("contact")) {
            return;
        }
        TenantContext.runAs(
                event.tenant(),
                null,
                () -> transaction.executeWithoutResult(
                        status -> jdbc.sql("update contacts set custom_fields = custom_fields - :key"
                                        + " where jsonb_exists(custom_fields, :key)")
                                .param("key", event.key())
                                .update()));
    }
}
