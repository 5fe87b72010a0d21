package io.team365.privacy.internal;

import java.util.Map;

/** What an erasure did, per table: rows deleted and rows whose personal values were replaced. */
public record ErasureOutcome(Map<String, Integer> deleted, Map<String, Integer> anonymised) {

    public ErasureOutcome {
        deleted = Map.copyOf(deleted);
        anonymised = Map.copyOf(anonymised);
    }
}
