package io.team365.exports.internal;

import io.team365.core.exporting.ExportColumn;
import io.team365.core.exporting.ExportRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV as spreadsheets open it right: UTF-8 with a byte order mark, RFC 4180 quoting, CRLF line ends. A text cell
 * that begins with {@code = + - @}, a tab or a carriage return is prefixed with a single quote (OWASP's advice
 * against formula injection), E.164 phone numbers ({@code +4930…}) included: a spreadsheet shows them with the quote
 * hidden, and the file is never the place to decide that a value is harmless. Numbers the database computes (a deal's
 * amount) are not text and stay as they are.
 *
 * <p>Written in bytes: cells arrive as the UTF-8 the database sent ({@link ExportRow#bytes}) and are copied into one
 * large buffer, so no cell becomes a String and nothing is decoded or encoded again; the stored emails and phones
 * are picked from their JSON text in place ({@link JsonArrayFields}). Every character the quoting and the
 * neutralising look at is ASCII, which never occurs inside a multi-byte UTF-8 sequence.
 */
final class CsvExportWriter implements ExportWriter {

    private static final int BUFFER = 1 << 18;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final OutputStream out;
    private final Map<String, byte[]> userNames = new HashMap<>();
    private final JsonArrayFields picker = new JsonArrayFields();
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private List<ExportColumn> columns;
    private ExportColumn.Kind[] kinds;
    private byte[][] fields;

    CsvExportWriter(OutputStream out, Map<String, String> userNames) {
        this.out = out;
        userNames.forEach((id, name) -> this.userNames.put(id, utf8(name)));
    }

    @Override
    public List<ExportColumn> select(List<ExportColumn> all) {
        columns = all.stream().filter(ExportColumn::inCsv).toList();
        kinds = columns.stream().map(ExportColumn::kind).toArray(ExportColumn.Kind[]::new);
        fields = columns.stream()
                .map(c -> c.jsonField() == null ? null : utf8(c.jsonField()))
                .toArray(byte[][]::new);
        return columns;
    }

    @Override
    public void begin() throws IOException {
        write(BOM, 0, BOM.length);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                write(',');
            }
            byte[] name = utf8(columns.get(i).name());
            cell(name, 0, name.length, true);
        }
        write('\r');
        write('\n');
    }

    @Override
    public void row(ExportRow row) throws IOException {
        for (int i = 0; i < kinds.length; i++) {
            if (i > 0) {
                write(',');
            }
            byte[] value = row.bytes(i);
            if (value == null || value.length == 0) {
                continue;
            }
            switch (kinds[i]) {
                case TEXT -> cell(value, 0, value.length, true);
                case RAW -> cell(value, 0, value.length, false);
                case USER -> user(value);
                case TIMESTAMP -> timestamp(value);
                case LIST, PRIMARY -> {
                    if (picker.pick(value, fields[i], kinds[i] == ExportColumn.Kind.PRIMARY)) {
                        cell(picker.bytes(), 0, picker.length(), true);
                    }
                }
            }
        }
        write('\r');
        write('\n');
    }

    @Override
    public void end() throws IOException {
        flush();
        out.flush();
    }

    /** A member's name instead of their id; an id that is no member's stays as it is. */
    private void user(byte[] id) throws IOException {
        byte[] name = userNames.get(new String(id, StandardCharsets.ISO_8859_1));
        byte[] shown = name == null ? id : name;
        cell(shown, 0, shown.length, true);
    }

    /** A UTC timestamp from the database's text ({@code 2026-12-02 10:15:30.5}) as ISO-8601 with a Z. */
    private void timestamp(byte[] value) throws IOException {
        if (value.length < 11) {
            cell(value, 0, value.length, true);
            return;
        }
        write(value, 0, 10);
        write('T');
        write(value, 11, value.length - 11);
        write('Z');
    }

    /** One cell: quoted when it holds a comma, quote or line break (quotes doubled), neutralised if asked. */
    void cell(byte[] value, int from, int length, boolean neutralise) throws IOException {
        if (length == 0) {
            return;
        }
        int end = from + length;
        byte first = value[from];
        boolean inject = neutralise
                && (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r');
        boolean quote = false;
        for (int i = from; i < end; i++) {
            byte c = value[i];
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            if (inject) {
                write('\'');
            }
            write(value, from, length);
            return;
        }
        write('"');
        if (inject) {
            write('\'');
        }
        int start = from;
        for (int i = from; i < end; i++) {
            if (value[i] == '"') {
                write(value, start, i - start + 1);
                write('"');
                start = i + 1;
            }
        }
        write(value, start, end - start);
        write('"');
    }

    private void write(int b) throws IOException {
        if (position == buffer.length) {
            flush();
        }
        buffer[position++] = (byte) b;
    }

    private void write(byte[] bytes, int from, int length) throws IOException {
        if (length > buffer.length - position) {
            flush();
            if (length > buffer.length) {
                out.write(bytes, from, length);
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, position, length);
        position += length;
    }

    private void flush() throws IOException {
        if (position > 0) {
            out.write(buffer, 0, position);
            position = 0;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
