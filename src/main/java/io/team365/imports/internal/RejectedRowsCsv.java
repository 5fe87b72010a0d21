package io.team365.imports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The rejected rows as CSV: record number, reason, then the row's values under the file's headers. Cells that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) get a leading apostrophe.
 */
public final class RejectedRowsCsv {

    private final Writer out;

    public RejectedRowsCsv(Writer out, List<String> columns) {
        this.out = out;
        List<String> header = new ArrayList<>(List.of("record", "reason"));
        header.addAll(columns);
        line(header);
    }

    public void row(ImportStore.Rejected rejected) {
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(rejected.number()));
        cells.add(rejected.reason());
        cells.addAll(rejected.values());
        line(cells);
    }

    private void line(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Safe against formula injection, quoted when needed (RFC 4180). */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
