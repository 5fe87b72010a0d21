package io.team365.exports.internal;

import io.team365.core.exporting.ExportColumn;
import io.team365.core.exporting.ExportRow;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * CSV as spreadsheets open it right: UTF-8 with a byte order mark, RFC 4180 quoting, CRLF line ends. A text cell
 * that begins with {@code = + - @}, a tab or a carriage return is prefixed with a single quote (OWASP's advice
 * against formula injection), E.164 phone numbers ({@code +4930…}) included: a spreadsheet shows them with the quote
 * hidden, and the file is never the place to decide that a value is harmless. Numbers the database computes (a deal's
 * amount) are not text and stay as they are.
 */
final class CsvExportWriter implements ExportWriter {

    private static final String DANGEROUS_FIRST = "=+-@\t\r";

    private final Writer out;
    private final Map<String, String> userNames;
    private final ObjectMapper json;
    private final StringBuilder joined = new StringBuilder(128);
    private List<ExportColumn> columns;
    private ExportColumn.Kind[] kinds;
    private String[] fields;

    CsvExportWriter(Writer out, Map<String, String> userNames, ObjectMapper json) {
        this.out = out;
        this.userNames = userNames;
        this.json = json;
    }

    @Override
    public List<ExportColumn> select(List<ExportColumn> all) {
        columns = all.stream().filter(ExportColumn::inCsv).toList();
        kinds = columns.stream().map(ExportColumn::kind).toArray(ExportColumn.Kind[]::new);
        fields = columns.stream().map(ExportColumn::jsonField).toArray(String[]::new);
        return columns;
    }

    @Override
    public void begin() throws IOException {
        out.write('\uFEFF');
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            cell(columns.get(i).name(), true);
        }
        out.write("\r\n");
    }

    @Override
    public void row(ExportRow row) throws IOException {
        for (int i = 0; i < kinds.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String value = row.value(i);
            switch (kinds[i]) {
                case TEXT -> cell(value, true);
                case RAW -> cell(value, false);
                case USER -> cell(value == null ? null : userNames.getOrDefault(value, value), true);
                case TIMESTAMP -> timestamp(value);
                case LIST -> cell(pick(value, fields[i], false), true);
                case PRIMARY -> cell(pick(value, fields[i], true), true);
            }
        }
        out.write("\r\n");
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    /**
     * The {@code field} of each object in a stored JSON array, joined by "; " (or only the primary's, else the
     * first's), read with a streaming parser: no tree per row.
     */
    private String pick(String array, String field, boolean primaryOnly) {
        if (array == null || array.length() <= 2) {
            return null;
        }
        joined.setLength(0);
        String first = null;
        try (JsonParser parser = json.createParser(array)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String value = null;
                boolean primary = false;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken token = parser.nextToken();
                    if (name.equals(field) && token == JsonToken.VALUE_STRING) {
                        value = parser.getString();
                    } else if (name.equals("primary")) {
                        primary = token == JsonToken.VALUE_TRUE;
                    } else if (token.isStructStart()) {
                        parser.skipChildren();
                    }
                }
                if (value == null) {
                    continue;
                }
                if (primaryOnly) {
                    if (primary) {
                        return value;
                    }
                    first = first == null ? value : first;
                } else {
                    if (!joined.isEmpty()) {
                        joined.append("; ");
                    }
                    joined.append(value);
                }
            }
        }
        return primaryOnly ? first : joined.isEmpty() ? null : joined.toString();
    }

    /** A UTC timestamp from the database's text, as ISO-8601, without building a new string. */
    private void timestamp(String value) throws IOException {
        if (value == null || value.length() < 11) {
            cell(value, true);
            return;
        }
        out.write(value, 0, 10);
        out.write('T');
        out.write(value, 11, value.length() - 11);
        out.write('Z');
    }

    /** Writes one cell without building a new string for it. */
    void cell(String value, boolean neutralise) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean inject = neutralise && DANGEROUS_FIRST.indexOf(value.charAt(0)) >= 0;
        boolean quote = false;
        for (int i = 0, n = value.length(); i < n && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            if (inject) {
                out.write('\'');
            }
            out.write(value);
            return;
        }
        out.write('"');
        if (inject) {
            out.write('\'');
        }
        int start = 0;
        for (int i = 0, n = value.length(); i < n; i++) {
            if (value.charAt(i) == '"') {
                out.write(value, start, i - start + 1);
                out.write('"');
                start = i + 1;
            }
        }
        out.write(value, start, value.length() - start);
        out.write('"');
    }
}
