package io.team365.audit.internal;

import io.team365.core.TenantId;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.retention.RetentionPolicy;
import io.team365.core.retention.RetentionTarget;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Audit entries are kept seven years, then removed with their seals. The application cannot delete audit rows: it
 * calls {@code audit_expire()}, which runs as the owner, removes only a prefix of the chain older than the cutoff
 * (never newer than seven years ago) and records the last removed hash as the chain's new anchor, so what remains
 * still verifies (ADR 0010).
 */
@Component
class AuditRetention implements RetentionTarget {

    static final Period SEVEN_YEARS = Period.ofYears(7);

    // kept seven years to account for who did what, and not for ever: the rule cannot be switched off
    private static final RetentionPolicy POLICY = new RetentionPolicy(
            "audit.expired",
            PersonalField.Category.TECHNICAL,
            "delete",
            SEVEN_YEARS,
            SEVEN_YEARS,
            Period.ofYears(10),
            false);

    @Override
    public RetentionPolicy policy() {
        return POLICY;
    }

    private final JdbcClient jdbc;

    AuditRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sealed entries only: an entry is removed with its seal, so one that waits for its seal waits for the next run. */
    @Override
    public long count(TenantId tenant, Instant cutoff) {
        return jdbc.sql("""
                        select count(*) from audit_seals
                        where seq > (select coalesce(max(seq), 0) from audit_chain_anchors)
                          and seq <= audit_expirable_through(:cutoff)
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .query(Long.class)
                .single();
    }

    @Override
    public long apply(TenantId tenant, Instant cutoff) {
        return jdbc.sql("select audit_expire(:cutoff)")
                .param("cutoff", Timestamp.from(cutoff))
                .query(Long.class)
                .single();
    }
}
