/**
 * Duplicates: finding likely duplicate contacts and companies (the same email, phone or domain; alike names), the
 * review list, "not duplicates" dismissals, and the merge screens. The merge itself is the records' modules'
 * ({@code ContactMerge}, {@code CompanyMerge}); this module only depends on them (docs/duplicates.md, ADR 0017).
 */
package io.team365.duplicates;
