package io.team365.mail.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.util.Locale;
import java.util.Map;

/**
 * What the parser needs to know about one MIME part, read without ever failing: its type (lower-cased
 * {@code type/subtype}, text/plain when missing or unreadable, as RFC 2045 says), parameters, disposition, decoded file
 * name, Content-ID and transfer encoding.
 *
 * <p>Parts fetched over IMAP are described by the server's BODYSTRUCTURE; their accessors answer from it, while
 * reading their raw headers would cost one round trip per part. Other parts are read from their raw headers.
 */
record PartInfo(
        String type,
        Map<String, String> parameters,
        String disposition,
        String fileName,
        String contentId,
        String encoding) {

    boolean is(String mimeType) {
        return type.equals(mimeType);
    }

    boolean isMultipart() {
        return type.startsWith("multipart/");
    }

    String charset() {
        return parameters.get("charset");
    }

    static PartInfo of(Part part) throws MessagingException {
        boolean imap = fromImap(part);
        HeaderParameters contentType =
                HeaderParameters.parse(imap ? quietly(part::getContentType) : header(part, "Content-Type"));
        HeaderParameters disposition =
                HeaderParameters.parse(imap ? quietly(part::getDisposition) : header(part, "Content-Disposition"));
        String fileName = imap ? EncodedWords.decode(quietly(part::getFileName)) : disposition.get("filename");
        if (fileName == null || fileName.isBlank()) {
            fileName = contentType.get("name");
        }
        String encoding = imap
                ? quietly(() -> ((jakarta.mail.internet.MimePart) part).getEncoding())
                : header(part, "Content-Transfer-Encoding");
        String contentId = imap
                ? quietly(() -> ((jakarta.mail.internet.MimePart) part).getContentID())
                : header(part, "Content-ID");
        return new PartInfo(
                type(contentType.value()),
                contentType.parameters(),
                disposition.value(),
                fileName(fileName),
                contentId(contentId),
                encoding == null ? "" : encoding.strip().replace("\"", "").toLowerCase(Locale.ROOT));
    }

    static boolean fromImap(Part part) {
        return part.getClass().getName().startsWith("org.eclipse.angus.mail.imap.");
    }

    private static String type(String value) {
        if (value == null || !value.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
            return "text/plain";
        }
        return switch (value) {
            case "image/jpg", "image/pjpeg" -> "image/jpeg";
            case "application/x-pdf" -> "application/pdf";
            case "text/x-vcard" -> "text/vcard";
            default -> value.length() > 255 ? "application/octet-stream" : value;
        };
    }

    private static String fileName(String value) {
        if (value == null) {
            return null;
        }
        String name =
                MailCharsets.clean(value).replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .strip();
        if (name.length() > 255) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = name.substring(0, 255 - extension.length()) + extension;
        }
        return name.isEmpty() ? null : name;
    }

    private static String contentId(String value) {
        if (value == null) {
            return null;
        }
        String id = EncodedWords.unfold(value).strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id.isEmpty() || id.length() > HeaderFields.MAX_ID ? null : MailCharsets.clean(id);
    }

    private static String header(Part part, String name) throws MessagingException {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            if (StoreFailures.fromStore(e)) {
                throw e;
            }
            return null;
        }
    }

    private interface Read {
        String get() throws MessagingException;
    }

    private static String quietly(Read read) throws MessagingException {
        try {
            return read.get();
        } catch (MessagingException e) {
            if (StoreFailures.fromStore(e)) {
                throw e;
            }
            return null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
