package io.team365.mail.web;

import io.team365.core.NotFound;
import io.team365.mail.internal.client.MessageView;
import io.team365.mail.internal.send.MailUploads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A mail attachment as a download, never a page: attachment disposition, nosniff and a sandbox policy. */
public final class MailDownloads {

    private MailDownloads() {}

    public static ResponseEntity<Resource> response(MessageView.AttachmentView attachment, MailUploads uploads) {
        InputStream content;
        try {
            content = uploads.open(attachment.storageKey());
        } catch (IOException | IllegalArgumentException e) {
            throw new NotFound("attachment bytes");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(attachment.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(attachment.size())
                .eTag("\"" + attachment.sha256() + "\"")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(attachment.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(new InputStreamResource(content));
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
