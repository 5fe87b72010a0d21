package io.team365.retention;

import java.time.Instant;

/**
 * A Client's rule for one target: after {@code period} (ISO-8601, such as {@code P24M}) the target's items are
 * deleted or anonymised, within the target's bounds; {@code mayBeDisabled} false where the rule cannot be switched
 * off.
 */
public record RetentionRule(
        String key,
        String category,
        String action,
        String period,
        boolean enabled,
        String defaultPeriod,
        String minimumPeriod,
        String maximumPeriod,
        boolean mayBeDisabled,
        Instant updatedAt) {}
