package io.team365.imports.web;

import io.team365.imports.ImportManagement;
import io.team365.imports.internal.RejectedRowsCsv;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The rejected rows of an import as a CSV download, streamed (the pages and the API). */
public final class ImportErrorsDownload {

    private ImportErrorsDownload() {}

    public static void write(ImportManagement imports, UUID id, HttpServletResponse response) throws IOException {
        List<String> columns = imports.columns(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejected-rows-" + id + ".csv\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        RejectedRowsCsv csv = new RejectedRowsCsv(out, columns);
        imports.eachRejected(id, csv::row);
        out.flush();
    }
}
