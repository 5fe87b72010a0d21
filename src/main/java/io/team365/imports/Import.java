package io.team365.imports;

import java.time.Instant;
import java.util.UUID;

/** An import as its report shows it: what, from which file, how far, and what became of the records. */
public record Import(
        UUID id,
        ImportObject object,
        String fileName,
        String status,
        String onDuplicate,
        String defaultRegion,
        String consentBasis,
        Long total,
        long processed,
        long created,
        long updated,
        long skipped,
        long failed,
        long suppressed,
        long companiesCreated,
        boolean cancelRequested,
        String errorMessage,
        UUID createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    public static final String UNDONE = "undone";

    public boolean finished() {
        return DONE.equals(status) || FAILED.equals(status) || CANCELLED.equals(status) || UNDONE.equals(status);
    }

    public boolean undoable() {
        return DONE.equals(status) || FAILED.equals(status) || CANCELLED.equals(status);
    }

    /** Percent done, 0 to 100 (0 while the total is unknown). */
    public int percent() {
        if (total == null || total == 0) {
            return finished() ? 100 : 0;
        }
        return (int) Math.min(100, processed * 100 / total);
    }
}
