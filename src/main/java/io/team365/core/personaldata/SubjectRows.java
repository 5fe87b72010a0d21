package io.team365.core.personaldata;

/**
 * Which rows of a table are about a data subject, declared by the module that owns the table, so that access packages
 * and erasure are built from the registry instead of being written per module.
 *
 * <p>{@code condition} is an SQL condition over the table's own columns (the table is aliased {@code t}) with named
 * parameters, each bound to an array (empty when the subject has none): {@code :contactIds} and {@code :leadIds}
 * ({@code uuid[]}: the subject's contact and lead records), {@code :userIds} ({@code uuid[]}: the subject's Team365
 * user account), {@code :emails} ({@code text[]}, lower-cased). Example: {@code t.id = any(:contactIds)}.
 *
 * <p>For rows that only mention the subject in text: {@code :patterns} ({@code text[]}: ILIKE patterns, wildcards
 * escaped, of the subject's full names, emails and phones as stored, e.g. {@code t.summary ilike any(:patterns)}),
 * {@code :recordIds} ({@code text[]}: the contact and lead ids as text), {@code :idPatterns} ({@code text[]}: LIKE
 * patterns finding those ids inside text) and {@code :tenantId} ({@code text}: the Client's id, for tables without
 * row-level security). Conditions are evaluated before anything is changed, so one may refer to rows another
 * declaration deletes.
 *
 * <p>A table whose rows the application role may neither update nor delete (the audit trail) is exported but never
 * changed by erasure.
 *
 * @param relation whether the row is the subject's own or only mentions them among others
 */
public record SubjectRows(String table, String condition, Relation relation) {

    public enum Relation {
        /** The row is about the subject alone (their contact, their consent entry): erasure applies each field's rule. */
        OWNED,
        /**
         * The row links the subject to something shared (a deal's contact link, an activity about several people):
         * link rows are deleted, and the subject's identifiers are scrubbed from the personal fields of shared rows.
         */
        LINKED
    }

    public SubjectRows {
        if (table == null || condition == null || condition.isBlank() || relation == null) {
            throw new IllegalArgumentException("subject rows need a table, a condition and a relation");
        }
    }
}
