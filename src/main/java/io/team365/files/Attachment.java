package io.team365.files;

import java.time.Instant;
import java.util.UUID;

/** A file attached to a record: what it is (checked from its bytes), how large, its SHA-256, who added it. */
public record Attachment(
        UUID id,
        String recordType,
        UUID recordId,
        String fileName,
        String contentType,
        long size,
        String sha256,
        UUID uploadedBy,
        Instant createdAt,
        Instant deletedAt) {

    /** The extension of the file name, lower-case, without the dot; empty if it has none. */
    public String extension() {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
