package io.team365.retention.web;

import io.team365.retention.RetentionRule;

/** A rule as the settings page shows it: the period split into an amount and a unit, and the preview's count. */
public record RetentionRuleView(RetentionRule rule, long amount, String unit, long wouldTouch) {}
