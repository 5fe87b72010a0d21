package io.team365.files.web;

import io.team365.files.FileManagement;
import io.team365.files.FileUpload;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Files over HTTP, the same for the API and the pages: a multipart part in, a safe download out. */
public final class FileHttp {

    /** Characters RFC 5987 lets stand unencoded in {@code filename*}. */
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private FileHttp() {}

    /** The part as an upload, or null when no file was chosen (browsers send an empty, nameless part then). */
    public static FileUpload upload(MultipartFile file) {
        if (file == null
                || (file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank()))) {
            return null;
        }
        return new FileUpload(file.getOriginalFilename(), file);
    }

    /**
     * Always a download, never a page: {@code attachment} disposition, the detected type, {@code nosniff}, and a
     * sandbox policy so that even a browser that renders it runs nothing and reaches no cookies of ours.
     */
    public static ResponseEntity<Resource> response(FileManagement.Download download) {
        var a = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.size())
                .eTag("\"" + a.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(a.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(new InputStreamResource(download.content()));
    }

    /** {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 5987). */
    static String contentDisposition(String fileName) {
        StringBuilder fallback = new StringBuilder();
        fileName.codePoints()
                .forEach(c -> fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.write(c);
            } else {
                encoded.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''"
                + encoded.toString(StandardCharsets.US_ASCII);
    }
}
