package io.team365.mail.internal.client;

import io.team365.mail.internal.mime.MailAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as the reader shows it. {@code bodyHtml} is the stored, sanitised HTML; {@link MailBodies} prepares it
 * for display. {@code sendStatus} and {@code sendError} are set on messages sent from Team365 (queued, sending, sent,
 * failed, and a message key when it failed).
 */
public record MessageView(
        UUID id,
        UUID accountId,
        UUID threadId,
        String messageId,
        String inReplyTo,
        List<String> references,
        String subject,
        MailAddress from,
        List<MailAddress> to,
        List<MailAddress> cc,
        List<MailAddress> bcc,
        List<MailAddress> replyTo,
        Instant sentAt,
        Instant receivedAt,
        String bodyText,
        String bodyHtml,
        boolean hasRemoteImages,
        boolean seen,
        boolean flagged,
        boolean answered,
        String direction,
        List<AttachmentView> attachments,
        String sendStatus,
        String sendError) {

    /** An attachment's metadata; its bytes are at {@link #downloadPath()}. */
    public record AttachmentView(
            UUID messageId,
            int position,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String storageKey,
            String contentId,
            boolean inline) {

        public String downloadPath() {
            return "/mail/messages/" + messageId + "/attachments/" + position;
        }
    }

    public String fromLabel() {
        if (from == null) {
            return "";
        }
        return from.name() != null && !from.name().isBlank()
                ? from.name() + " <" + from.address() + ">"
                : from.address();
    }
}
