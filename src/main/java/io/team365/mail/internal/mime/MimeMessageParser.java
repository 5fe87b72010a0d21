package io.team365.mail.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The message parser: headers decoded leniently ({@link EncodedWords}, {@link HeaderFields}), bodies and attachments
 * by one walk of the MIME tree ({@link PartWalker}), HTML made safe ({@link HtmlSanitiser}), text from the HTML when
 * a message has no text part. Content problems never fail a message: what cannot be read is noted at the end of the
 * text body, in square brackets.
 */
@Component
class MimeMessageParser implements MessageParser {

    static final int SNIPPET_LENGTH = 200;
    private static final int MAX_SUBJECT = 2000;

    static {
        // before the first message is parsed: no ServiceLoader scan per header block (ADR 0034)
        MailStreams.pin();
    }

    @Override
    public ParsedMessage parse(MimeMessage message, AttachmentSink attachments) throws MessagingException, IOException {
        String rawSubject = header(message, "Subject", null);
        String rawFrom = header(message, "From", ",");
        String rawDate = header(message, "Date", null);
        List<MailAddress> from = HeaderFields.addresses(rawFrom);
        if (from.isEmpty()) {
            from = HeaderFields.addresses(header(message, "Sender", ","));
        }
        long size = size(message);
        String messageId = HeaderFields.firstMessageId(header(message, "Message-ID", null));
        if (messageId == null) {
            messageId = generatedId(rawDate, rawFrom, rawSubject, size);
        }

        PartWalker walker = new PartWalker(attachments);
        PartWalker.Bodies bodies = walker.walk(message, 0);
        boolean remoteImages = false;
        List<String> safeHtml = new ArrayList<>();
        for (String html : bodies.html()) {
            HtmlSanitiser.Result result = HtmlSanitiser.sanitise(html);
            remoteImages |= result.hasRemoteImages();
            safeHtml.add(result.html());
        }
        String text = String.join("\n\n", bodies.plain()).strip();
        if (text.isEmpty() && !bodies.html().isEmpty()) {
            text = HtmlText.of(String.join("\n", bodies.html()));
        }
        String snippet = snippet(text);
        StringBuilder body = new StringBuilder(text);
        for (String note : walker.notes()) {
            body.append(body.isEmpty() ? "" : "\n\n").append('[').append(note).append(']');
        }

        String subject = EncodedWords.decode(rawSubject);
        return new ParsedMessage(
                messageId,
                HeaderFields.firstMessageId(header(message, "In-Reply-To", " ")),
                HeaderFields.references(header(message, "References", " ")),
                subject == null || subject.isEmpty() ? null : cut(subject, MAX_SUBJECT),
                from.isEmpty() ? null : from.getFirst(),
                HeaderFields.addresses(header(message, "To", ",")),
                HeaderFields.addresses(header(message, "Cc", ",")),
                HeaderFields.addresses(header(message, "Bcc", ",")),
                HeaderFields.addresses(header(message, "Reply-To", ",")),
                HeaderFields.date(rawDate),
                body.toString(),
                safeHtml.isEmpty() ? null : String.join("\n", safeHtml),
                remoteImages,
                snippet,
                size,
                walker.attachments());
    }

    @Override
    public List<String> named(MimeMessage message) throws MessagingException {
        // the sender as parse() takes it: From, or Sender when From names no address
        List<MailAddress> from = HeaderFields.addresses(header(message, "From", ","));
        if (from.isEmpty()) {
            from = HeaderFields.addresses(header(message, "Sender", ","));
        }
        List<String> named = new ArrayList<>();
        from.forEach(a -> named.add(a.address()));
        for (String name : List.of("To", "Cc")) {
            HeaderFields.addresses(header(message, name, ",")).forEach(a -> named.add(a.address()));
        }
        return named;
    }

    /** The first ~200 characters of the text, whitespace collapsed, cut at a word when one ends near the limit. */
    static String snippet(String text) {
        String collapsed = collapsedStart(text);
        if (collapsed.codePointCount(0, collapsed.length()) <= SNIPPET_LENGTH) {
            return collapsed;
        }
        String cut = collapsed.substring(0, collapsed.offsetByCodePoints(0, SNIPPET_LENGTH));
        int space = cut.lastIndexOf(' ');
        if (space > SNIPPET_LENGTH - 40) {
            cut = cut.substring(0, space);
        }
        return cut.strip() + "…";
    }

    /**
     * The text with every run of whitespace ({@code \\s}) made one space and stripped, but only as far as a snippet
     * can reach: a long mail's text runs to hundreds of KB, and collapsing all of it with a regex was the sync's
     * largest cost after MIME parsing itself (ADR 0030). Stops once it holds more than a snippet, at a character a
     * strip would keep, so the cut is the same as on the whole text.
     */
    private static String collapsedStart(String text) {
        StringBuilder collapsed = new StringBuilder(SNIPPET_LENGTH + 8);
        int codePoints = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (collapsed.isEmpty() && Character.isWhitespace(c)) {
                // what strip() would take off the start (also whitespace \\s does not match, like U+2003)
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                space = true;
                continue;
            }
            if (space && !collapsed.isEmpty()) {
                collapsed.append(' ');
                codePoints++;
            }
            space = false;
            collapsed.appendCodePoint(c);
            codePoints++;
            if (codePoints > SNIPPET_LENGTH + 1 && !Character.isWhitespace(c)) {
                break;
            }
        }
        return collapsed.toString().strip();
    }

    /**
     * Messages without a Message-ID still need a stable identity, so that a sync that fetches one again does not
     * store it twice: a hash of what identifies it as sent (its Date, From, Subject and size).
     */
    static String generatedId(String date, String from, String subject, long size) {
        String basis = date + "\n" + from + "\n" + subject + "\n" + size;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "team365-" + HexFormat.of().formatHex(hash, 0, 20) + "@generated.invalid";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String header(MimeMessage message, String name, String delimiter) throws MessagingException {
        try {
            if (delimiter != null) {
                return message.getHeader(name, delimiter);
            }
            String[] values = message.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            if (StoreFailures.fromStore(e)) {
                throw e;
            }
            return null;
        }
    }

    private static long size(MimeMessage message) throws MessagingException {
        try {
            return Math.max(0, message.getSize());
        } catch (MessagingException e) {
            if (StoreFailures.fromStore(e)) {
                throw e;
            }
            return 0;
        }
    }

    private static String cut(String value, int length) {
        if (value.length() <= length) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length;
        return value.substring(0, end);
    }
}
