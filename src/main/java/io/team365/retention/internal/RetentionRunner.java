package io.team365.retention.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.TenantId;
import io.team365.core.retention.RetentionTarget;
import io.team365.retention.RetentionRun;
import io.team365.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Runs one Client's rules. Each rule applies in a transaction of its own together with its result row, so what a
 * report says was touched is exactly what was committed; a rule that fails is reported with the kind of error and the
 * other rules still run. The run is audited with ids and counts only.
 */
@Component
public class RetentionRunner {

    private static final Logger log = LoggerFactory.getLogger(RetentionRunner.class);

    private final TenantTransactions tenants;
    private final RetentionRules rules;
    private final RetentionRuns runs;
    private final RetentionTargets targets;
    private final AuditTrail audit;
    private final Clock clock;

    RetentionRunner(
            TenantTransactions tenants,
            RetentionRules rules,
            RetentionRuns runs,
            RetentionTargets targets,
            AuditTrail audit,
            Clock clock) {
        this.tenants = tenants;
        this.rules = rules;
        this.runs = runs;
        this.targets = targets;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs every enabled rule of the Client; returns the run's report. */
    public RetentionRun run(TenantId tenant, String trigger, UUID by, AuditTrail.Actor actor) {
        return run(tenant, trigger, by, actor, targets.all());
    }

    /** Runs the rules of the given targets (the whole list in production; tests add one that fails). */
    public RetentionRun run(
            TenantId tenant, String trigger, UUID by, AuditTrail.Actor actor, List<RetentionTarget> targetList) {
        UUID runId = UUID.randomUUID();
        Map<String, RetentionRules.Stored> stored = tenants.call(tenant, by, () -> {
            Instant now = clock.instant();
            runs.closeInterrupted(now);
            try {
                runs.start(tenant.value(), runId, trigger, by, now);
            } catch (DuplicateKeyException busy) {
                throw new Conflict("run", "retention.run.busy");
            }
            return rules.forTargets(tenant, targetList);
        });
        List<RetentionRun.Result> results = new ArrayList<>();
        for (RetentionTarget target : targetList) {
            RetentionRules.Stored rule = stored.get(target.key());
            if (rule != null && rule.enabled()) {
                results.add(runRule(tenant, by, runId, target, rule.period()));
            }
        }
        long touched = results.stream().mapToLong(RetentionRun.Result::touched).sum();
        int failures = (int) results.stream().filter(r -> r.error() != null).count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trigger", trigger);
        details.put("touched", touched);
        details.put("failures", failures);
        results.forEach(r -> details.put(r.key(), r.error() == null ? r.touched() : "failed"));
        tenants.run(tenant, by, () -> {
            runs.finish(runId, clock.instant(), touched, failures);
            audit.record(tenant, actor, "retention.run", "retention_run", runId.toString(), details);
        });
        return tenants.call(tenant, by, () -> runs.byId(runId)).orElseThrow();
    }

    private RetentionRun.Result runRule(TenantId tenant, UUID by, UUID runId, RetentionTarget target, String period) {
        Instant started = clock.instant();
        try {
            Instant cutoff =
                    started.atZone(ZoneOffset.UTC).minus(Period.parse(period)).toInstant();
            return tenants.call(tenant, by, () -> {
                long touched = target.apply(tenant, cutoff);
                RetentionRun.Result result = new RetentionRun.Result(
                        target.key(), target.action(), period, touched, started, clock.instant(), null);
                runs.result(tenant.value(), runId, result);
                return result;
            });
        } catch (RuntimeException e) {
            log.warn("Retention rule {} failed for Client {}", target.key(), tenant.value(), e);
            String kind = e.getClass().getSimpleName();
            RetentionRun.Result failed = new RetentionRun.Result(
                    target.key(),
                    target.action(),
                    period,
                    0,
                    started,
                    clock.instant(),
                    kind.isEmpty() ? "error" : kind.substring(0, Math.min(kind.length(), 200)));
            tenants.run(tenant, by, () -> runs.result(tenant.value(), runId, failed));
            return failed;
        }
    }
}
