/**
 * Retention: each Client's rules (which {@link io.team365.core.retention.RetentionTarget} after how long), a preview
 * of what the next run would touch, runs nightly on the persistent scheduler (db-scheduler, ADR 0011) or started by
 * an admin, each run reported per rule and audited.
 */
package io.team365.retention;
