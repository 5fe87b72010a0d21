package io.team365.core;

import java.util.UUID;

/**
 * Whether a data subject asked that their record not be processed (GDPR art. 18): it stays stored and readable, but
 * edits, bulk actions, conversion and campaigns refuse it. Implemented by the privacy module; in the shared kernel
 * so the record modules can ask without depending on it.
 */
public interface ProcessingRestrictions {

    /** The message key of the refusal, in the privacy module's bundle. */
    String REFUSAL = "subjects.restricted";

    boolean isRestricted(String recordType, UUID recordId);

    /** Which of the records are restricted (for bulk work such as an import updating existing records). */
    default java.util.Set<UUID> restrictedAmong(String recordType, java.util.Collection<UUID> recordIds) {
        java.util.Set<UUID> restricted = new java.util.HashSet<>();
        for (UUID id : recordIds) {
            if (isRestricted(recordType, id)) {
                restricted.add(id);
            }
        }
        return restricted;
    }

    /** Throws a {@link Conflict} (409 in the API, a message on the page) when the record is restricted. */
    default void refuseIfRestricted(String recordType, UUID recordId) {
        if (recordId != null && isRestricted(recordType, recordId)) {
            throw new Conflict("restricted", REFUSAL);
        }
    }
}
