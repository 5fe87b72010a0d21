package io.team365.api.internal;

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
 * Stored Idempotency-Key responses (a technical log that may hold personal data) are useful for 24 hours: a retry
 * after that is a new request. A claim clears the claimant's own old keys; this clears everyone's, the keys of people
 * who never send another request included. The period is fixed: a Client can neither lengthen nor stop it.
 */
@Component
class IdempotencyKeyRetention implements RetentionTarget {

    private static final RetentionPolicy POLICY = new RetentionPolicy(
            "api.idempotency-keys",
            PersonalField.Category.TECHNICAL,
            "delete",
            Period.ofDays(1),
            Period.ofDays(1),
            Period.ofDays(1),
            false);

    @Override
    public RetentionPolicy policy() {
        return POLICY;
    }

    private final JdbcClient jdbc;

    IdempotencyKeyRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(TenantId tenant, Instant cutoff) {
        return jdbc.sql("select count(*) from idempotency_keys where tenant_id = :tenant and created_at < :cutoff")
                .param("tenant", tenant.value())
                .param("cutoff", Timestamp.from(cutoff))
                .query(Long.class)
                .single();
    }

    @Override
    public long apply(TenantId tenant, Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where tenant_id = :tenant and created_at < :cutoff")
                .param("tenant", tenant.value())
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }
}
