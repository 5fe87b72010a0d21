package io.team365.core;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Implemented by each module that owns a record type, so modules that attach things to records (timeline,
 * activities, files) can check a record exists and that the caller may see it, without depending on its module.
 */
public interface RecordLookup {

    /** The record type as the API and timeline name it: {@code contact}, {@code company}, {@code deal}… */
    String recordType();

    /** The record, if it exists in the current Client (trash included) and the signed-in caller may see it. */
    Optional<RecordRef> find(UUID id);

    /** The lookup of {@code recordType}'s records through {@code find}, for a module's {@code @Bean}. */
    static RecordLookup of(String recordType, Function<UUID, Optional<RecordRef>> find) {
        return new RecordLookup() {
            @Override
            public String recordType() {
                return recordType;
            }

            @Override
            public Optional<RecordRef> find(UUID id) {
                return find.apply(id);
            }
        };
    }
}
