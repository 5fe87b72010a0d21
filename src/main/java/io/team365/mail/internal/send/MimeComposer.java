package io.team365.mail.internal.send;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Builds the RFC 5322 message that is sent: multipart/alternative (text and HTML), wrapped in multipart/mixed when
 * files are attached; our own Message-ID; In-Reply-To and References for replies. Bcc stays in the stored bytes (the
 * SMTP transport leaves it out of what recipients receive; the Sent copy keeps it, as mail programs do).
 */
final class MimeComposer {

    /** An attached file's bytes and how to name it. */
    record Part(String fileName, String contentType, byte[] bytes) {}

    /** The headers and bodies of one message. */
    record Outgoing(
            String messageId,
            InternetAddress from,
            List<InternetAddress> to,
            List<InternetAddress> cc,
            List<InternetAddress> bcc,
            String subject,
            String text,
            String html,
            String inReplyTo,
            List<String> references,
            List<Part> attachments,
            Instant date) {}

    /** References kept in a reply: the first (the thread's root) and the latest ones, as RFC 5322 suggests. */
    static final int MAX_REFERENCES = 20;

    private MimeComposer() {}

    static byte[] build(Session session, Outgoing mail) {
        try {
            MimeMessage message = new FixedIdMessage(session, "<" + mail.messageId() + ">");
            message.setFrom(mail.from());
            message.setRecipients(Message.RecipientType.TO, mail.to().toArray(InternetAddress[]::new));
            if (!mail.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, mail.cc().toArray(InternetAddress[]::new));
            }
            if (!mail.bcc().isEmpty()) {
                message.setRecipients(Message.RecipientType.BCC, mail.bcc().toArray(InternetAddress[]::new));
            }
            message.setSubject(mail.subject() == null ? "" : mail.subject(), "UTF-8");
            message.setSentDate(Date.from(mail.date()));
            if (mail.inReplyTo() != null) {
                message.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
            }
            if (!mail.references().isEmpty()) {
                message.setHeader(
                        "References",
                        String.join(
                                " ",
                                mail.references().stream()
                                        .map(id -> "<" + id + ">")
                                        .toList()));
            }
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text() == null ? "" : mail.text(), "UTF-8", "plain");
            alternative.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html() == null ? "" : mail.html(), "UTF-8", "html");
            alternative.addBodyPart(html);
            if (mail.attachments().isEmpty()) {
                message.setContent(alternative);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                mixed.addBodyPart(body);
                for (Part part : mail.attachments()) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setDataHandler(new jakarta.activation.DataHandler(
                            new ByteArrayDataSource(part.bytes(), part.contentType())));
                    file.setFileName(part.fileName());
                    file.setDisposition(MimeBodyPart.ATTACHMENT);
                    // base64 always: a text file sent as 7bit would get its line endings rewritten on the way
                    file.setHeader("Content-Transfer-Encoding", "base64");
                    mixed.addBodyPart(file);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("the message could not be built", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the Message-ID we chose (Jakarta Mail would make its own on saveChanges). */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
