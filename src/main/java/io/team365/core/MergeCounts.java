package io.team365.core;

import java.util.Collection;
import java.util.UUID;

/**
 * Implemented by each module that keeps things about records (activities, attachments, deals, consents, timeline),
 * so the merge screen can say what will move to the survivor without depending on those modules.
 */
public interface MergeCounts {

    /** The message key naming what is counted, e.g. {@code duplicates.related.activities}. */
    String label();

    /** How many of them are about the records of {@code recordType} among {@code ids} (0 when none or not kept). */
    long count(String recordType, Collection<UUID> ids);
}
