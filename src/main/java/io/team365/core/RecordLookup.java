package io.team365.core;

import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by each module that owns a record type, so modules that attach things to records (timeline,
 * activities, files) can check a record exists and that the caller may see it, without depending on its module.
 */
public interface RecordLookup {

    /** The record type as the API and timeline name it: {@code contact}, {@code company}, {@code deal}… */
    String recordType();

    /** The record, if it exists in the current Client (trash included) and the signed-in caller may see it. */
    Optional<RecordRef> find(UUID id);
}
