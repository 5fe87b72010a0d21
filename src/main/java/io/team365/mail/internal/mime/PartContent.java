package io.team365.mail.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part's bytes, decoded from their transfer encoding by the parser itself (base64 leniently, so a broken
 * attachment never fails a message) and streamed from the part's raw stream: nothing is read into memory except
 * bodies, and those only up to a limit.
 */
final class PartContent {

    /** Bodies larger than this are cut (a note says so); attachments have no limit, they are streamed. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private PartContent() {}

    /** The part's content with its transfer encoding removed; the caller closes it. */
    static InputStream decoded(Part part, PartInfo info) throws MessagingException, IOException {
        if (info.is("message/rfc822") && PartInfo.fromImap(part) && part.getContent() instanceof MimeMessage nested) {
            return attachedMessage(nested);
        }
        InputStream raw = raw(part);
        return switch (info.encoding()) {
            case "base64" -> new LenientBase64InputStream(raw);
            case "quoted-printable" -> new QuotedPrintableInputStream(raw);
            case "uuencode", "x-uuencode", "x-uue" -> MimeUtility.decode(raw, info.encoding());
            default -> raw; // 7bit, 8bit, binary and unknown encodings: the bytes as they are
        };
    }

    /**
     * An attached message fetched over IMAP as its header and its text, two sections every server serves the same
     * way (some, GreenMail among them, answer the part itself with the text only).
     */
    private static InputStream attachedMessage(MimeMessage nested) throws MessagingException {
        StringBuilder header = new StringBuilder();
        Enumeration<String> lines = nested.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            header.append(lines.nextElement()).append("\r\n");
        }
        header.append("\r\n");
        return new SequenceInputStream(
                new ByteArrayInputStream(header.toString().getBytes(StandardCharsets.UTF_8)),
                nested.getRawInputStream());
    }

    private static InputStream raw(Part part) throws MessagingException, IOException {
        if (part instanceof MimeBodyPart body) {
            return body.getRawInputStream();
        }
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        return part.getInputStream();
    }

    /** A decoded text body: the text and whether it was cut at {@link #MAX_BODY_BYTES}. */
    record Text(String text, boolean truncated) {}

    static Text text(Part part, PartInfo info) throws MessagingException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean truncated = false;
        try (InputStream in = decoded(part, info)) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                int room = MAX_BODY_BYTES - bytes.size();
                if (n > room) {
                    bytes.write(buffer, 0, room);
                    truncated = true;
                    break;
                }
                bytes.write(buffer, 0, n);
            }
        }
        byte[] content = bytes.toByteArray();
        String charset = info.charset();
        if (MailCharsets.resolve(charset) == null && info.is("text/html")) {
            charset = metaCharset(content);
        }
        return new Text(MailCharsets.decodeClean(content, charset), truncated);
    }

    /** An HTML part without a usable charset parameter may say it in a meta tag near its start. */
    private static String metaCharset(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher meta = META_CHARSET.matcher(head);
        return meta.find() ? meta.group(1) : null;
    }
}
