package io.team365.exports.internal;

import io.team365.core.exporting.ExportColumn;
import io.team365.core.exporting.ExportRow;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * A JSON array written element by element, each element with the field names of the object's API JSON; structured
 * fields (emails, custom fields, the address) are the stored JSON, copied as it is.
 */
final class JsonExportWriter implements ExportWriter {

    private final Writer out;
    private final ObjectMapper json;
    private JsonGenerator generator;
    private String[] names;
    private boolean[] raw;
    private boolean[] timestamp;

    JsonExportWriter(Writer out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public List<ExportColumn> select(List<ExportColumn> all) {
        List<ExportColumn> columns = all.stream().filter(ExportColumn::inJson).toList();
        names = columns.stream().map(ExportColumn::name).toArray(String[]::new);
        raw = new boolean[columns.size()];
        timestamp = new boolean[columns.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = columns.get(i).kind() == ExportColumn.Kind.RAW;
            timestamp[i] = columns.get(i).kind() == ExportColumn.Kind.TIMESTAMP;
        }
        return columns;
    }

    @Override
    public void begin() {
        generator = json.createGenerator(out);
        generator.writeStartArray();
    }

    @Override
    public void row(ExportRow row) {
        generator.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            generator.writeName(names[i]);
            String value = row.value(i);
            if (value == null) {
                generator.writeNull();
            } else if (raw[i]) {
                generator.writeRawValue(value);
            } else if (timestamp[i]) {
                generator.writeString(ExportColumn.isoTimestamp(value));
            } else {
                generator.writeString(value);
            }
        }
        generator.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        generator.writeEndArray();
        // closing the generator flushes it and closes the writer the job opened (closing that again is harmless)
        generator.close();
    }
}
