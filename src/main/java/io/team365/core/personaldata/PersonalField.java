package io.team365.core.personaldata;

/**
 * A column (or a part of a JSON column, named by {@code jsonPath}) that holds personal data: what kind, why it is
 * kept, for how long, and what erasure does to it. Declared once, by the module that owns the table.
 *
 * @param jsonPath null for the whole column
 */
public record PersonalField(
        String table,
        String column,
        String jsonPath,
        Category category,
        String purpose,
        Retention retention,
        Erasure erasure) {

    /** The categories of the privacy policy. */
    public enum Category {
        IDENTITY,
        CONTACT,
        COMMUNICATION_CONTENT,
        TECHNICAL,
        FINANCIAL,
        LOCATION
    }

    /** What erasure does: delete the value (or its row), or keep the row and replace the value. */
    public enum Erasure {
        DELETE,
        ANONYMISE
    }

    /** How long the value is kept. */
    public enum Retention {
        /** While the record exists; 30 days in the trash, then purged. */
        RECORD_LIFETIME,
        /** While the person has an account. */
        ACCOUNT_LIFETIME,
        /** Until the message is sent, then redacted; sent mail deleted after 30 days. */
        UNTIL_SENT,
        /** A fixed time set by the module (sessions, one-time tokens, idempotency keys). */
        SHORT_LIVED,
        /** The audit trail's retention: kept to account for who did what. */
        AUDIT,
        /**
         * Until every listening module has processed it; the nightly retention run deletes completed event
         * publications a few days later ({@code team365.retention.completed-events-kept}, 7 days).
         */
        UNTIL_PROCESSED
    }

    public PersonalField {
        if (table == null || column == null || category == null || retention == null || erasure == null) {
            throw new IllegalArgumentException("a personal field needs table, column, category, retention, erasure");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a personal field needs a purpose: " + table + "." + column);
        }
    }

    public static PersonalField of(
            String table, String column, Category category, String purpose, Retention retention, Erasure erasure) {
        return new PersonalField(table, column, null, category, purpose, retention, erasure);
    }
}
