package io.team365.mail.internal.mime;

import java.time.Instant;
import java.util.List;

/**
 * A message as Team365 stores it: decoded headers, the text body, the sanitised HTML body (nothing executable left;
 * remote images noted so the reader can block them), and its attachments, already stored through an
 * {@link AttachmentSink}.
 *
 * @param messageId the Message-ID without angle brackets, or one derived from a hash of the headers when missing
 * @param references the References header's ids, oldest first, without angle brackets
 */
public record ParsedMessage(
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
        String bodyText,
        String bodyHtml,
        boolean hasRemoteImages,
        String snippet,
        long size,
        List<Attachment> attachments) {

    /** An attachment or inline part. */
    public record Attachment(
            int position,
            String fileName,
            String contentType,
            String contentId,
            boolean inline,
            AttachmentSink.Stored stored) {}
}
