package io.team365.retention.internal;

import io.team365.core.TenantId;
import io.team365.core.retention.RetentionTarget;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bound Client's rules, one per target, created from the targets' defaults the first time they are needed. */
@Repository
public class RetentionRules {

    /** A stored rule. */
    public record Stored(String key, String period, boolean enabled, Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    RetentionRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every target's rule for the bound Client (in the caller's transaction), defaults inserted where missing. */
    public Map<String, Stored> forTargets(TenantId tenant, List<RetentionTarget> targets) {
        for (RetentionTarget target : targets) {
            jdbc.sql("insert into retention_rules (tenant_id, target_key, period, enabled, updated_at)"
                            + " values (:tenant, :key, :period, true, :now) on conflict do nothing")
                    .param("tenant", tenant.value())
                    .param("key", target.key())
                    .param("period", target.defaultPeriod().normalized().toString())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        }
        return jdbc
                .sql("select target_key, period, enabled, updated_at from retention_rules")
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant()))
                .list()
                .stream()
                .collect(Collectors.toMap(Stored::key, Function.identity()));
    }

    public void change(TenantId tenant, String key, String period, boolean enabled, UUID by) {
        jdbc.sql("update retention_rules set period = :period, enabled = :enabled, updated_at = :now,"
                        + " updated_by = :by where tenant_id = :tenant and target_key = :key")
                .param("period", period)
                .param("enabled", enabled)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", by)
                .param("tenant", tenant.value())
                .param("key", key)
                .update();
    }
}
