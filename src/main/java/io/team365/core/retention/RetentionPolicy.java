package io.team365.core.retention;

import io.team365.core.personaldata.PersonalField;
import java.time.Period;

/**
 * What a retention target is and the bounds a Client's rule for it must keep.
 *
 * @param key a stable key, such as {@code leads.untouched}; rules refer to it
 * @param action what applying does to each item: {@code delete} or {@code anonymise}
 * @param defaultPeriod the period a Client starts with, before changing it
 * @param minimumPeriod the shortest period a Client may set (legal minimums, such as the audit trail's)
 * @param maximumPeriod the longest period a Client may set
 * @param mayBeDisabled whether a Client may switch the rule off (keep the data for ever)
 */
public record RetentionPolicy(
        String key,
        PersonalField.Category category,
        String action,
        Period defaultPeriod,
        Period minimumPeriod,
        Period maximumPeriod,
        boolean mayBeDisabled) {}
