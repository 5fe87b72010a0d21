package io.team365.retention;

import io.team365.audit.AuditTrail;
import io.team365.core.NotFound;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.core.retention.RetentionTarget;
import io.team365.identity.SignedInUser;
import io.team365.retention.internal.RetentionRules;
import io.team365.retention.internal.RetentionRunner;
import io.team365.retention.internal.RetentionRuns;
import io.team365.retention.internal.RetentionTargets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in admin's Client's retention: its rules (created from the targets' defaults on first use), changing a
 * rule within the target's bounds, a preview of what a run now would touch, running now, and the run reports.
 */
@Service
public class RetentionManagement {

    private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);

    private final RetentionTargets targets;
    private final RetentionRules rules;
    private final RetentionRuns runs;
    private final RetentionRunner runner;
    private final AuditTrail audit;
    private final Clock clock;

    RetentionManagement(
            RetentionTargets targets,
            RetentionRules rules,
            RetentionRuns runs,
            RetentionRunner runner,
            AuditTrail audit,
            Clock clock) {
        this.targets = targets;
        this.rules = rules;
        this.runs = runs;
        this.runner = runner;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<RetentionRule> rules() {
        TenantId tenant = SignedInUser.require().tenant();
        Map<String, RetentionRules.Stored> stored = rules.forTargets(tenant, targets.all());
        return targets.all().stream().map(t -> rule(t, stored.get(t.key()))).toList();
    }

    /** Changes a rule's period and/or whether it runs; refuses periods outside the target's bounds. */
    @Transactional
    public RetentionRule change(String key, String period, Boolean enabled, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        RetentionTarget target =
                targets.byKey(key == null ? "" : key).orElseThrow(() -> new NotFound("retention rule"));
        RetentionRules.Stored current =
                rules.forTargets(user.tenant(), List.of(target)).get(target.key());
        Validation validation = Validation.start();
        String newPeriod = current.period();
        if (period == null && enabled == null) {
            validation.reject("period", "retention.change.nothing");
        }
        if (period != null) {
            Period parsed = parse(period);
            if (parsed == null) {
                validation.reject("period", "retention.period.invalid");
            } else if (shorter(parsed, target.minimumPeriod())) {
                validation.reject("period", "retention.period.below-minimum", days(target.minimumPeriod()));
            } else if (shorter(target.maximumPeriod(), parsed)) {
                validation.reject("period", "retention.period.above-maximum", days(target.maximumPeriod()));
            } else {
                newPeriod = parsed.normalized().toString();
            }
        }
        boolean newEnabled = enabled == null ? current.enabled() : enabled;
        if (!newEnabled && !target.mayBeDisabled()) {
            validation.reject("enabled", "retention.rule.required");
        }
        validation.throwIfInvalid();
        rules.change(user.tenant(), target.key(), newPeriod, newEnabled, user.userId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", target.key());
        details.put("period", newPeriod);
        details.put("enabled", newEnabled);
        audit.record(user.tenant(), actor, "retention.rule.changed", "retention_rule", target.key(), details);
        return rule(target, rules.forTargets(user.tenant(), List.of(target)).get(target.key()));
    }

    /** What a run now would touch, rule by rule: the same cutoffs and conditions the run applies. */
    @Transactional
    public RetentionPreview preview() {
        TenantId tenant = SignedInUser.require().tenant();
        Instant now = clock.instant();
        Map<String, RetentionRules.Stored> stored = rules.forTargets(tenant, targets.all());
        List<RetentionPreview.Item> items = new ArrayList<>();
        for (RetentionTarget target : targets.all()) {
            RetentionRules.Stored rule = stored.get(target.key());
            Instant cutoff = now.atZone(ZoneOffset.UTC)
                    .minus(Period.parse(rule.period()))
                    .toInstant();
            long count = rule.enabled() ? target.count(tenant, cutoff) : 0;
            items.add(new RetentionPreview.Item(
                    target.key(), target.action(), rule.period(), rule.enabled(), cutoff, count));
        }
        return new RetentionPreview(now, items);
    }

    /** Runs the Client's rules now; each rule commits on its own, so this method opens no transaction. */
    public RetentionRun runNow(AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        return runner.run(user.tenant(), "manual", user.userId(), actor);
    }

    @Transactional(readOnly = true)
    public List<RetentionRun> runs(int limit) {
        SignedInUser.require();
        return runs.recent(Math.max(1, Math.min(limit, 100)));
    }

    private static RetentionRule rule(RetentionTarget target, RetentionRules.Stored stored) {
        return new RetentionRule(
                target.key(),
                target.category().name().toLowerCase(),
                target.action(),
                stored.period(),
                stored.enabled(),
                target.defaultPeriod().normalized().toString(),
                target.minimumPeriod().normalized().toString(),
                target.maximumPeriod().normalized().toString(),
                target.mayBeDisabled(),
                stored.updatedAt());
    }

    private static Period parse(String text) {
        String value = text.strip().toUpperCase();
        if (value.length() > 20 || !value.matches("P[0-9YMWD]+")) {
            return null;
        }
        try {
            Period period = Period.parse(value);
            return period.isNegative() || period.isZero() ? null : period;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean shorter(Period a, Period b) {
        return REFERENCE.plus(a).isBefore(REFERENCE.plus(b));
    }

    /** A bound in days (roughly, for months and years), for the error message. */
    private static long days(Period period) {
        return REFERENCE.plus(period).toEpochDay() - REFERENCE.toEpochDay();
    }
}
