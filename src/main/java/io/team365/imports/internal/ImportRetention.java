package io.team365.imports.internal;

import io.team365.core.TenantId;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.retention.RetentionPolicy;
import io.team365.core.retention.RetentionTarget;
import java.time.Instant;
import java.time.Period;
import org.springframework.stereotype.Component;

/**
 * Finished imports with their rejected rows (which hold values from the file) and the list of what they created:
 * deleted 30 days after they ended by default, at most a year. An import then can no longer be undone.
 */
@Component
class ImportRetention implements RetentionTarget {

    private static final RetentionPolicy POLICY = new RetentionPolicy(
            "imports.finished",
            PersonalField.Category.CONTACT,
            "delete",
            Period.ofDays(30),
            Period.ofDays(1),
            Period.ofDays(365),
            false);

    private final ImportStore store;

    ImportRetention(ImportStore store) {
        this.store = store;
    }

    @Override
    public RetentionPolicy policy() {
        return POLICY;
    }

    @Override
    public long count(TenantId tenant, Instant cutoff) {
        return store.countFinishedBefore(cutoff);
    }

    @Override
    public long apply(TenantId tenant, Instant cutoff) {
        return store.deleteFinishedBefore(cutoff);
    }
}
