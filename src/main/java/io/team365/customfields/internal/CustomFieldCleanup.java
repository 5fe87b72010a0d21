package io.team365.customfields.internal;

import io.team365.core.RecordTable;
import io.team365.customfields.CustomFieldDeleted;
import io.team365.tenancy.TenantTransactions;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** When a custom field is deleted, its values go from every record of its object: deleting a field deletes its data. */
@Component
class CustomFieldCleanup {

    private final JdbcClient jdbc;
    private final TenantTransactions tenants;
    private final List<RecordTable> tables;

    CustomFieldCleanup(JdbcClient jdbc, TenantTransactions tenants, List<RecordTable> tables) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.tables = tables;
    }

    @Async
    @TransactionalEventListener
    void on(CustomFieldDeleted event) {
        tables.stream()
                .filter(table -> table.recordType().equals(event.object()))
                .forEach(table -> tenants.run(
                        event.tenant(),
                        null,
                        () -> jdbc.sql("update " + table.table() + " set custom_fields = custom_fields - :key"
                                        + " where jsonb_exists(custom_fields, :key)")
                                .param("key", event.key())
                                .update()));
    }
}
