package io.team365.tenancy.internal;

import io.team365.core.TenantId;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.retention.RetentionPolicy;
import io.team365.core.retention.RetentionTarget;
import java.time.Instant;
import java.time.Period;
import org.springframework.stereotype.Component;

/**
 * The trash as a retention target: records deleted by a user stay restorable for the Client's period (30 days by
 * default, at least 7), then go for good with everything other modules keep about them. A Client cannot switch it
 * off: a record someone deleted has no purpose left to keep it for.
 */
@Component
class TrashRetention implements RetentionTarget {

    private static final RetentionPolicy POLICY = new RetentionPolicy(
            "trash.purge",
            PersonalField.Category.IDENTITY,
            "delete",
            Period.ofDays(30),
            Period.ofDays(7),
            Period.ofDays(90),
            false);

    @Override
    public RetentionPolicy policy() {
        return POLICY;
    }

    private final TrashPurge purge;

    TrashRetention(TrashPurge purge) {
        this.purge = purge;
    }

    @Override
    public long count(TenantId tenant, Instant cutoff) {
        return purge.countBefore(cutoff);
    }

    @Override
    public long apply(TenantId tenant, Instant cutoff) {
        return purge.purgeBefore(tenant, cutoff);
    }
}
