package io.team365.core.retention;

import io.team365.core.TenantId;
import io.team365.core.personaldata.PersonalField;
import java.time.Instant;
import java.time.Period;

/**
 * Something a retention rule can act on, implemented as a bean by the module that owns the data (leads untouched for
 * long, the trash, old audit entries, technical logs). The retention module keeps each Client's rules (which targets,
 * after how long), previews them and runs them nightly; it calls these inside the tenant's context and a transaction.
 * {@link #count} and {@link #apply} must agree: a preview shows exactly what the run then does.
 */
public interface RetentionTarget {

    RetentionPolicy policy();

    default String key() {
        return policy().key();
    }

    default PersonalField.Category category() {
        return policy().category();
    }

    default String action() {
        return policy().action();
    }

    default Period defaultPeriod() {
        return policy().defaultPeriod();
    }

    default Period minimumPeriod() {
        return policy().minimumPeriod();
    }

    default Period maximumPeriod() {
        return policy().maximumPeriod();
    }

    default boolean mayBeDisabled() {
        return policy().mayBeDisabled();
    }

    /** How many items are older than {@code cutoff} and would be touched now. */
    long count(TenantId tenant, Instant cutoff);

    /** Deletes or anonymises the items older than {@code cutoff}; returns how many. */
    long apply(TenantId tenant, Instant cutoff);
}
