package io.team365.exports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Streams a finished export file to the response, as an attachment the browser never tries to render. */
public final class ExportDownloads {

    private ExportDownloads() {}

    public static void send(ExportManagement.Download download, HttpServletResponse response) throws IOException {
        Export export = download.export();
        response.setContentType(export.format().contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(export.fileName(), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setContentLengthLong(Files.size(download.file()));
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(download.file(), out);
        }
    }
}
