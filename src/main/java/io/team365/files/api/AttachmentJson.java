package io.team365.files.api;

import io.team365.files.Attachment;

/** An attachment as the API shows it; {@code contentUrl} downloads its bytes. */
record AttachmentJson(
        String id,
        String recordType,
        String recordId,
        String fileName,
        String contentType,
        long size,
        String sha256,
        String uploadedBy,
        String createdAt,
        String deletedAt,
        String contentUrl) {

    static AttachmentJson of(Attachment a) {
        return new AttachmentJson(
                a.id().toString(),
                a.recordType(),
                a.recordId().toString(),
                a.fileName(),
                a.contentType(),
                a.size(),
                a.sha256(),
                a.uploadedBy() == null ? null : a.uploadedBy().toString(),
                a.createdAt().toString(),
                a.deletedAt() == null ? null : a.deletedAt().toString(),
                "/api/v1/files/" + a.id() + "/content");
    }
}
