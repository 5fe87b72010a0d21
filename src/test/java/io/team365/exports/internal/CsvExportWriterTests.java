package io.team365.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.exporting.ExportColumn;
import io.team365.core.exporting.ExportRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The byte-level CSV writer without a server: the stored JSON of emails and phones picked in place (escapes, accents,
 * characters outside the BMP, nested values, the primary flag), RFC 4180 quoting and neutralised formulas on bytes.
 */
class CsvExportWriterTests {

    private static final String OWNER = "0190a000-0000-7000-8000-000000000001";

    private final List<ExportColumn> columns = List.of(
            ExportColumn.text("name", "name"),
            ExportColumn.primary("email", "emails", "address"),
            ExportColumn.list("emails", "emails", "address"),
            ExportColumn.json("emails", "emails"),
            new ExportColumn("owner", "owner", ExportColumn.Use.CSV, ExportColumn.Kind.USER),
            new ExportColumn("amount", "amount", ExportColumn.Use.CSV, ExportColumn.Kind.RAW),
            ExportColumn.timestamp("createdAt", "created"));

    @Test
    void picksTheFieldOfEachElementAsTheJsonSaysIt() {
        String emails = """
                [{"label": "home", "address": "b\\"q\\\\@x.example", "verified": {"at": "x", "by": ["a", "}"]}},\
                 {"address": "ü\\u00e9\\ud83d\\ude00@x.example", "primary": true, "label": "work"},\
                 {"label": "none"}, {"address": 7}, {"address": ""}, {"address": "tab\\there"}]""";
        assertThat(pick(emails, true)).isEqualTo("üé😀@x.example");
        assertThat(pick(emails, false))
                .as("an empty value keeps its place, as before")
                .isEqualTo("b\"q\\@x.example; üé😀@x.example; ; tab\there");
        assertThat(pick("[{\"address\": \"a@x\"}, {\"address\": \"b@x\", \"primary\": false}]", true))
                .as("no primary: the first")
                .isEqualTo("a@x");
        assertThat(pick("[{\"address\": \"\"}, {\"address\": \"b@x\"}]", false))
                .as("an empty first value adds no separator")
                .isEqualTo("b@x");
        assertThat(pick("[]", false)).isNull();
        assertThat(pick(null, true)).isNull();
        assertThat(pick("{\"address\": \"a@x\"}", true)).as("not an array").isNull();
        assertThat(pick("[\"a@x\", {\"address\": \"b@x\"}]", false))
                .as("stops where it is no longer an array of objects")
                .isNull();
        assertThat(pick(
                        "[{\"primary\": \"true\", \"address\": \"a@x\"}, {\"address\": \"b@x\", \"primary\": true}]",
                        true))
                .isEqualTo("b@x");
    }

    @Test
    void writesQuotedNeutralisedUtf8WithTheBomAndCrlf() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        CsvExportWriter writer = new CsvExportWriter(file, Map.of(OWNER, "Zoë \"Z\" Owner"));
        assertThat(writer.select(columns)).hasSize(6);
        writer.begin();
        writer.row(row(
                "Ana, \"the\" Boss",
                "[{\"address\": \"=cmd@x\"}, {\"address\": \"ana@x\"}]",
                OWNER,
                "-12.50",
                "2026-12-02 10:15:30.5"));
        writer.row(row("-1", "[{\"address\": \"line\\nbreak@x\"}]", "unknown-id", null, null));
        writer.row(row(null, null, null, null, "2026-12-02"));
        writer.end();
        String csv = file.toString(StandardCharsets.UTF_8);
        assertThat(csv)
                .isEqualTo("\uFEFFname,email,emails,owner,amount,createdAt\r\n"
                        + "\"Ana, \"\"the\"\" Boss\",'=cmd@x,'=cmd@x; ana@x,\"Zoë \"\"Z\"\" Owner\",-12.50,"
                        + "2026-12-02T10:15:30.5Z\r\n"
                        + "'-1,\"line\nbreak@x\",\"line\nbreak@x\",unknown-id,,\r\n"
                        + ",,,,,2026-12-02\r\n");
    }

    @Test
    void cellsLargerThanTheBufferAreWrittenWhole() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        CsvExportWriter writer = new CsvExportWriter(file, Map.of());
        writer.select(columns);
        String big = "é".repeat(300_000) + "\"";
        for (int i = 0; i < 3; i++) {
            writer.row(row(big, null, null, null, null));
        }
        writer.end();
        String line = "\"" + big + "\"\",,,,,\r\n";
        assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo(line.repeat(3));
    }

    /** A row in the writer's column order: name, emails (picked twice), owner, amount, created. */
    private static ExportRow row(String name, String emails, String owner, String amount, String created) {
        String[] values = {name, emails, emails, owner, amount, created};
        return column -> values[column];
    }

    private static String pick(String json, boolean primaryOnly) {
        JsonArrayFields picker = new JsonArrayFields();
        byte[] bytes = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        if (!picker.pick(bytes, "address".getBytes(StandardCharsets.UTF_8), primaryOnly)) {
            return null;
        }
        return new String(picker.bytes(), 0, picker.length(), StandardCharsets.UTF_8);
    }
}
