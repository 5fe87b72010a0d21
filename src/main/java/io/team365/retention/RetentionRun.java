package io.team365.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One run of a Client's rules: {@code nightly} or {@code manual}; per rule how many items it touched, when, and the
 * kind of error if it failed (a class name, never a message that could carry personal values).
 */
public record RetentionRun(
        UUID id,
        String trigger,
        UUID startedBy,
        Instant startedAt,
        Instant finishedAt,
        long touched,
        int failures,
        List<Result> results) {

    public record Result(
            String key,
            String action,
            String period,
            long touched,
            Instant startedAt,
            Instant finishedAt,
            String error) {}

    public RetentionRun {
        results = List.copyOf(results);
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
