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

    /** A stable key, such as {@code leads.untouched}; rules refer to it. */
    String key();

    PersonalField.Category category();

    /** What applying does to each item: {@code delete} or {@code anonymise}. */
    String action();

    /** The period a Client starts with, before changing it. */
    Period defaultPeriod();

    /** The shortest period a Client may set (legal minimums, such as the audit trail's). */
    Period minimumPeriod();

    /** The longest period a Client may set (technical logs are kept at most 90 days). */
    default Period maximumPeriod() {
        return Period.ofYears(10);
    }

    /**
     * Whether a Client may switch the rule off. False where keeping the data longer has no purpose the law allows
     * (the trash, technical logs): the Client may change the period within its bounds, not stop it.
     */
    default boolean mayBeDisabled() {
        return true;
    }

    /** How many items are older than {@code cutoff} and would be touched now. */
    long count(TenantId tenant, Instant cutoff);

    /** Deletes or anonymises the items older than {@code cutoff}; returns how many. */
    long apply(TenantId tenant, Instant cutoff);
}
