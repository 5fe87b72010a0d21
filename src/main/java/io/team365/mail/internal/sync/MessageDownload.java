package io.team365.mail.internal.sync;

import io.team365.mail.internal.mime.AttachmentSink;
import io.team365.mail.internal.mime.MessageParser;
import io.team365.mail.internal.mime.ParsedMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.springframework.stereotype.Component;

/**
 * Reads one message from the server and parses it (small ones usually come fetched with the rest of their batch,
 * {@link BatchBodies}, and only need parsing). A small message is read in one piece into memory; a large one
 * is streamed in blocks to a temporary file that the parser then reads through a shared file stream, so no large
 * message or attachment is ever held in memory. The message is read with PEEK: syncing never marks mail as read.
 */
@Component
class MessageDownload {

    private final MessageParser parser;
    private final Session offline = Session.getInstance(new java.util.Properties());

    MessageDownload(MessageParser parser) {
        this.parser = parser;
    }

    /** Parses a message already fetched whole (one of a batch, {@link BatchBodies}), without copying its bytes. */
    ParsedMessage parse(SharedByteArrayInputStream raw, AttachmentSink sink) throws MessagingException, IOException {
        return parser.parse(new MimeMessage(offline, raw), sink);
    }

    /**
     * {@link #parse} unless the message's headers name an address the blocklist blocks: then null, and nothing of it
     * (no attachment either) has been stored.
     */
    ParsedMessage parseUnlessBlocked(
            SharedByteArrayInputStream raw, AttachmentSink sink, SyncContext.Blocklist blocklist)
            throws MessagingException, IOException {
        return parseUnlessBlocked(new MimeMessage(offline, raw), sink, blocklist);
    }

    private ParsedMessage parseUnlessBlocked(MimeMessage message, AttachmentSink sink, SyncContext.Blocklist blocklist)
            throws MessagingException, IOException {
        if (blocklist != null && !blocklist.patterns().isEmpty()) {
            for (String address : parser.named(message)) {
                if (blocklist.blocks(address)) {
                    return null;
                }
            }
        }
        return parser.parse(message, sink);
    }

    ParsedMessage read(Message message, int inMemoryLimit, AttachmentSink sink) throws MessagingException, IOException {
        return readUnlessBlocked(message, inMemoryLimit, sink, null);
    }

    /**
     * {@link #read} unless the message's headers name an address the blocklist blocks (then null): the same check on
     * the same headers the parser reads, whatever the server's envelope said.
     */
    ParsedMessage readUnlessBlocked(
            Message message, int inMemoryLimit, AttachmentSink sink, SyncContext.Blocklist blocklist)
            throws MessagingException, IOException {
        if (message instanceof IMAPMessage imap) {
            imap.setPeek(true);
        }
        int size = message.getSize();
        if (size >= 0 && size <= inMemoryLimit) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(size + 256);
            message.writeTo(buffer);
            return parseUnlessBlocked(
                    new MimeMessage(offline, new ByteArrayInputStream(buffer.toByteArray())), sink, blocklist);
        }
        Path temp = Files.createTempFile("team365-mail-", ".eml");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writeStreaming(message, out);
            }
            SharedFileInputStream in = new SharedFileInputStream(temp.toFile());
            try {
                return parseUnlessBlocked(new MimeMessage(offline, in), sink, blocklist);
            } finally {
                in.close();
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The headers (their raw bytes: the provider reads them as ISO-8859-1), then the body as a stream the IMAP provider fetches in blocks (partial FETCH). */
    private static void writeStreaming(Message message, OutputStream out) throws MessagingException, IOException {
        if (!(message instanceof MimeMessage mime)) {
            message.writeTo(out);
            return;
        }
        Enumeration<String> lines = mime.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            out.write(lines.nextElement().getBytes(StandardCharsets.ISO_8859_1));
            out.write('\r');
            out.write('\n');
        }
        out.write('\r');
        out.write('\n');
        try (InputStream body = mime.getRawInputStream()) {
            body.transferTo(out);
        }
    }
}
