package io.team365.mail.api;

import io.team365.mail.internal.client.MailBodies;
import io.team365.mail.internal.client.MessageView;
import io.team365.mail.internal.client.ThreadSummary;
import io.team365.mail.internal.client.ThreadView;
import io.team365.mail.internal.mime.MailAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The API's shapes of threads and messages. */
final class MailJson {

    private MailJson() {}

    record Summary(
            UUID id,
            UUID accountId,
            String subject,
            Instant lastMessageAt,
            int messageCount,
            int unreadCount,
            MailAddress from,
            String snippet) {

        static Summary of(ThreadSummary t) {
            return new Summary(
                    t.id(),
                    t.accountId(),
                    t.subject(),
                    t.lastMessageAt(),
                    t.messageCount(),
                    t.unreadCount(),
                    t.fromAddress() == null ? null : new MailAddress(t.fromName(), t.fromAddress()),
                    t.snippet());
        }
    }

    record Thread(UUID id, UUID accountId, String subject, List<Message> messages) {

        static Thread of(ThreadView t) {
            return new Thread(
                    t.id(),
                    t.accountId(),
                    t.subject(),
                    t.messages().stream().map(Message::of).toList());
        }
    }

    record Flags(boolean seen, boolean flagged, boolean answered) {}

    record Attachment(
            int position,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String contentId,
            boolean inline,
            String downloadUrl) {}

    record Message(
            UUID id,
            String messageId,
            String inReplyTo,
            List<String> references,
            String subject,
            MailAddress from,
            List<MailAddress> to,
            List<MailAddress> cc,
            List<MailAddress> bcc,
            Instant sentAt,
            Instant receivedAt,
            String direction,
            String text,
            String html,
            boolean hasRemoteImages,
            Flags flags,
            List<Attachment> attachments,
            String sendStatus,
            String sendError) {

        static Message of(MessageView m) {
            return new Message(
                    m.id(),
                    m.messageId(),
                    m.inReplyTo(),
                    m.references(),
                    m.subject(),
                    m.from(),
                    m.to(),
                    m.cc(),
                    m.bcc(),
                    m.sentAt(),
                    m.receivedAt(),
                    m.direction(),
                    m.bodyText(),
                    MailBodies.forDisplay(m, "/api/v1"),
                    m.hasRemoteImages(),
                    new Flags(m.seen(), m.flagged(), m.answered()),
                    m.attachments().stream()
                            .map(a -> new Attachment(
                                    a.position(),
                                    a.fileName(),
                                    a.contentType(),
                                    a.size(),
                                    a.sha256(),
                                    a.contentId(),
                                    a.inline(),
                                    "/api/v1" + a.downloadPath()))
                            .toList(),
                    m.sendStatus(),
                    m.sendError());
        }
    }

    /** A message to send: JSON body, or the "message" part of a multipart request with files. */
    record SendRequest(
            UUID accountId,
            List<String> to,
            List<String> cc,
            List<String> bcc,
            String subject,
            String html,
            String text,
            UUID inReplyTo,
            String mode,
            Boolean quote,
            Boolean signature) {}

    record Queued(UUID id, String status, UUID messageId, UUID threadId) {}
}
