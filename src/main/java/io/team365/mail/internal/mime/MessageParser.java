package io.team365.mail.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;

/**
 * Turns a MIME message into a {@link ParsedMessage}: decodes headers and charsets, picks the text and HTML bodies out
 * of (nested) multiparts, sanitises the HTML, and streams attachments to the sink. Malformed MIME never fails a
 * sync: what can be read is kept, and the rest is reported in the text body.
 */
public interface MessageParser {

    ParsedMessage parse(MimeMessage message, AttachmentSink attachments) throws MessagingException, IOException;

    /**
     * The addresses a message's From (or Sender, when From names none), To and Cc headers name (lower-cased), read
     * from its headers only, as {@link #parse} reads them: what a
     * blocklist is checked against before anything of the message, its attachments first, is stored.
     */
    List<String> named(MimeMessage message) throws MessagingException;
}
