package io.team365.exports.internal;

import io.team365.core.TenantId;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.retention.RetentionPolicy;
import io.team365.core.retention.RetentionTarget;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Export files hold personal data copied out of the CRM, so they do not stay: 7 days by default, 1 to 30, always on.
 * Rows go in the run's transaction; their files once it has committed (a failure in between leaves a file nothing
 * refers to, never served, and removed by the next run's sweep of the Client's folder).
 */
@Component
class ExportRetention implements RetentionTarget {

    private static final RetentionPolicy POLICY = new RetentionPolicy(
            "exports.files",
            PersonalField.Category.IDENTITY,
            "delete",
            Period.ofDays(7),
            Period.ofDays(1),
            Period.ofDays(30),
            false);

    private final ExportRecords records;
    private final ExportFiles files;

    ExportRetention(ExportRecords records, ExportFiles files) {
        this.records = records;
        this.files = files;
    }

    @Override
    public RetentionPolicy policy() {
        return POLICY;
    }

    @Override
    public long count(TenantId tenant, Instant cutoff) {
        return records.countCreatedBefore(cutoff);
    }

    @Override
    public long apply(TenantId tenant, Instant cutoff) {
        List<UUID> deleted = records.deleteCreatedBefore(cutoff, null);
        List<UUID> remaining = records.ids();
        Runnable removeFiles = () -> files.deleteAllBut(tenant, remaining);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    removeFiles.run();
                }
            });
        } else {
            removeFiles.run();
        }
        return deleted.size();
    }
}
