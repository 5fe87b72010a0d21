package io.team365.mail.internal.mime;

import java.util.Locale;
import java.util.Map;

/** File name extensions for content types and back, for attachments that come without a name or a precise type. */
final class FileTypes {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/svg+xml", "svg"),
            Map.entry("image/bmp", "bmp"),
            Map.entry("image/tiff", "tif"),
            Map.entry("application/pdf", "pdf"),
            Map.entry("application/zip", "zip"),
            Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.ms-powerpoint", "ppt"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("application/pgp-signature", "asc"),
            Map.entry("application/pkcs7-signature", "p7s"),
            Map.entry("application/x-pkcs7-signature", "p7s"),
            Map.entry("application/json", "json"),
            Map.entry("text/plain", "txt"),
            Map.entry("text/html", "html"),
            Map.entry("text/csv", "csv"),
            Map.entry("text/calendar", "ics"),
            Map.entry("text/vcard", "vcf"),
            Map.entry("message/rfc822", "eml"),
            Map.entry("message/global", "eml"),
            Map.entry("message/delivery-status", "txt"),
            Map.entry("text/rfc822-headers", "txt"),
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("video/mp4", "mp4"));

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("zip", "application/zip"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("ics", "text/calendar"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("eml", "message/rfc822"));

    private FileTypes() {}

    /** "attachment-3.pdf": the name given to the third attachment, a PDF without a name. */
    static String defaultName(int number, String contentType) {
        return "attachment-" + number + "." + EXTENSIONS.getOrDefault(contentType, "bin");
    }

    /** The content type, made precise from the file name when the sender only said application/octet-stream. */
    static String refine(String contentType, String fileName) {
        if (!contentType.equals("application/octet-stream") || fileName == null) {
            return contentType;
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0
                ? contentType
                : TYPES.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), contentType);
    }
}
