package io.team365.exports;

import java.time.Instant;
import java.util.UUID;

/** An export and how far its job is. {@code total} is the selection's size when asked for, then what was written. */
public record Export(
        UUID id,
        UUID createdBy,
        ExportObject object,
        ExportFormat format,
        ExportSelection selection,
        Status status,
        long total,
        long processed,
        Long fileSize,
        String error,
        Instant createdAt,
        Instant finishedAt) {

    public enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    /** How far, 0 to 100. */
    public int percent() {
        if (status == Status.DONE) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(100, processed * 100 / total);
    }

    /** The file name offered to the browser, e.g. {@code contacts-2026-12-02.csv}. */
    public String fileName() {
        return object.value() + "-" + createdAt.toString().substring(0, 10) + "." + format.value();
    }
}
