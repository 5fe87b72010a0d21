package io.team365.exports.api;

import io.team365.exports.Export;

/** An export as the API shows it; {@code downloadUrl} only once the file is ready, {@code errorCode} (a stable message key) when it failed. */
record ExportJson(
        String id,
        String status,
        String object,
        String format,
        long total,
        long processed,
        Long fileSize,
        String createdAt,
        String finishedAt,
        String errorCode,
        String downloadUrl) {

    static ExportJson of(Export e) {
        return new ExportJson(
                e.id().toString(),
                e.status().value(),
                e.object().value(),
                e.format().value(),
                e.total(),
                e.processed(),
                e.fileSize(),
                e.createdAt().toString(),
                e.finishedAt() == null ? null : e.finishedAt().toString(),
                e.error(),
                e.status() == Export.Status.DONE ? "/api/v1/exports/" + e.id() + "/file" : null);
    }
}
