package io.team365.imports.web;

import io.team365.imports.Import;
import java.time.Duration;
import java.time.Instant;

/** How fast an import goes and how long it still needs, from its counts and when it started. */
public record ImportProgress(long rate, Long secondsLeft) {

    static ImportProgress of(Import job, Instant now) {
        if (job.startedAt() == null || job.processed() == 0) {
            return new ImportProgress(0, null);
        }
        Instant until = job.finishedAt() != null ? job.finishedAt() : now;
        double seconds =
                Math.max(0.001, Duration.between(job.startedAt(), until).toMillis() / 1000.0);
        long rate = Math.round(job.processed() / seconds);
        Long left = job.total() == null || rate == 0 || job.finished()
                ? null
                : Math.max(0, (job.total() - job.processed()) / Math.max(1, rate));
        return new ImportProgress(rate, left);
    }
}
