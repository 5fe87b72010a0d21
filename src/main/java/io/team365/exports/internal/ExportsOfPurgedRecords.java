package io.team365.exports.internal;

import io.team365.core.RecordsAnonymised;
import io.team365.core.RecordsPurged;
import io.team365.core.TenantId;
import io.team365.exports.ExportObject;
import io.team365.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An export may hold records that are later erased or anonymised, and nobody can tell which rows of a file those
 * were. So when records of a kind are purged (an erasure request, or the trash's 30 days) or anonymised, every export
 * of that kind the Client made before is deleted, file and row; exports made afterwards no longer contain them.
 */
@Component
class ExportsOfPurgedRecords {

    private final ExportRecords records;
    private final ExportFiles files;
    private final TenantTransactions tenants;
    private final Clock clock;

    ExportsOfPurgedRecords(ExportRecords records, ExportFiles files, TenantTransactions tenants, Clock clock) {
        this.records = records;
        this.files = files;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void on(RecordsPurged event) {
        deleteExportsOf(event.tenant(), event.recordType());
    }

    @Async
    @TransactionalEventListener
    void on(RecordsAnonymised event) {
        deleteExportsOf(event.tenant(), event.recordType());
    }

    void deleteExportsOf(TenantId tenant, String recordType) {
        List<String> objects =
                ExportObject.parse(recordType).stream().map(ExportObject::value).toList();
        if (objects.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Supplier<List<UUID>> remaining = () -> {
            records.deleteCreatedBefore(now.plusMillis(1), objects);
            return records.ids();
        };
        List<UUID> kept = tenants.call(tenant, null, remaining);
        files.deleteAllBut(tenant, kept);
    }
}
