package io.team365.privacy.subjects;

import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import io.team365.privacy.PersonalDataRegistry;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The access (and portability) package, built from the registry alone: for every table with {@code SubjectRows}, the
 * subject's rows as {@code <table>.json} and {@code <table>.csv} (every column but the tenant and binary ones, each
 * declared personal value with its source), then {@code manifest.json} and {@code README.txt} saying what each
 * field is for, how long it is kept and what erasure does, and the list of attached files. Rows are written as they
 * are read, so the package never sits in memory whole.
 */
@Component
class AccessPackage {

    private final PersonalDataRegistry registry;
    private final SubjectRowQueries queries;
    private final TableShapes shapes;
    private final SourcesOfValues sources;
    private final ObjectMapper json;

    AccessPackage(
            PersonalDataRegistry registry,
            SubjectRowQueries queries,
            TableShapes shapes,
            SourcesOfValues sources,
            ObjectMapper json) {
        this.registry = registry;
        this.queries = queries;
        this.shapes = shapes;
        this.json = json;
        this.sources = sources;
    }

    /** Writes the ZIP to {@code out}, leaving it open for the caller; returns the rows written per table. */
    Map<String, Integer> write(SubjectIdentity subject, UUID requestId, OutputStream out) throws IOException {
        Map<String, Object> params = subject.parameters();
        Map<String, Integer> counts = new LinkedHashMap<>();
        ArrayNode attachments = json.createArrayNode();
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        });
        for (Map.Entry<String, List<SubjectRows>> table : byTable().entrySet()) {
            SubjectRows all = new SubjectRows(
                    table.getKey(),
                    table.getValue().stream()
                            .map(r -> "(" + r.condition() + ")")
                            .collect(Collectors.joining(" or ")),
                    table.getValue().getFirst().relation());
            List<String> columns = columns(table.getKey());
            List<UUID> ids = queries.keys(all, params).stream()
                    .map(k -> k.get("id"))
                    .filter(UUID.class::isInstance)
                    .map(UUID.class::cast)
                    .toList();
            Map<UUID, Map<String, String>> sourced = sources.of(ids);
            counts.put(table.getKey(), writeJson(zip, all, columns, params, sourced));
            writeCsv(zip, all, columns, params, sourced);
            if (table.getKey().equals("attachments")) {
                attachmentList(all, params, attachments);
            }
        }
        entry(
                zip,
                "manifest.json",
                json.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(manifest(subject, requestId, counts, attachments)));
        entry(zip, "README.txt", readme(counts, attachments));
        zip.finish();
        zip.flush();
        return counts;
    }

    /** Each table's declarations, in the registry's order. */
    private Map<String, List<SubjectRows>> byTable() {
        Map<String, List<SubjectRows>> tables = new LinkedHashMap<>();
        registry.subjectRows()
                .forEach(r -> tables.computeIfAbsent(r.table(), t -> new ArrayList<>())
                        .add(r));
        return tables;
    }

    /**
     * Credentials never leave in a package, not even the subject's own: a password hash, a session id or a token's hash
     * would let whoever holds the ZIP act as the person.
     */
    private static final java.util.regex.Pattern SECRET =
            java.util.regex.Pattern.compile("password|secret|session_id|primary_id|token|(^|_)hash$");

    /**
     * Every column but the tenant's id, binary ones (encrypted stored responses) and credentials: key first, then the
     * rest in table order. Only the personal ones carry a source; the others (kinds, states, ids, times) give them context.
     */
    private List<String> columns(String table) {
        TableShapes.Shape shape = shapes.of(table);
        Set<String> columns = new LinkedHashSet<>(shape.key());
        shape.columns().values().stream()
                .filter(c -> !c.dataType().equals("bytea"))
                .filter(c -> !SECRET.matcher(c.name()).find())
                .forEach(c -> columns.add(c.name()));
        columns.remove("tenant_id");
        return List.copyOf(columns);
    }

    private Set<String> personal(String table) {
        return registry.personalFieldsOf(table).stream()
                .map(PersonalField::column)
                .collect(Collectors.toSet());
    }

    private int writeJson(
            ZipOutputStream zip,
            SubjectRows rows,
            List<String> columns,
            Map<String, Object> params,
            Map<UUID, Map<String, String>> sourced)
            throws IOException {
        zip.putNextEntry(new ZipEntry(rows.table() + ".json"));
        write(zip, "{\"table\":\"" + rows.table() + "\",\"rows\":[\n");
        Set<String> personal = personal(rows.table());
        int[] count = {0};
        queries.read(rows, columns, params, rs -> {
            ObjectNode row = json.createObjectNode();
            Object id = columns.contains("id") ? parseId(rs.getString("id")) : null;
            for (String column : columns) {
                String value = rs.getString(column);
                if (personal.contains(column)) {
                    ObjectNode field = row.putObject(column);
                    field.set("value", value(shapes.of(rows.table()).column(column), value));
                    field.put("source", SourcesOfValues.sourceOf(sourced, id, column));
                } else {
                    row.put(column, value);
                }
            }
            write(zip, (count[0]++ == 0 ? "" : ",\n") + json.writeValueAsString(row));
        });
        write(zip, "\n]}\n");
        zip.closeEntry();
        return count[0];
    }

    private void writeCsv(
            ZipOutputStream zip,
            SubjectRows rows,
            List<String> columns,
            Map<String, Object> params,
            Map<UUID, Map<String, String>> sourced)
            throws IOException {
        zip.putNextEntry(new ZipEntry(rows.table() + ".csv"));
        Set<String> personal = personal(rows.table());
        List<String> header = new ArrayList<>();
        for (String column : columns) {
            header.add(column);
            if (personal.contains(column)) {
                header.add(column + "_source");
            }
        }
        write(zip, csvLine(header));
        queries.read(rows, columns, params, rs -> {
            Object id = columns.contains("id") ? parseId(rs.getString("id")) : null;
            List<String> line = new ArrayList<>();
            for (String column : columns) {
                line.add(rs.getString(column));
                if (personal.contains(column)) {
                    line.add(SourcesOfValues.sourceOf(sourced, id, column));
                }
            }
            write(zip, csvLine(line));
        });
        zip.closeEntry();
    }

    private void attachmentList(SubjectRows rows, Map<String, Object> params, ArrayNode list) {
        List<String> columns = List.of("id", "record_type", "record_id", "file_name", "content_type", "size");
        queries.read(rows, columns, params, rs -> {
            ObjectNode file = list.addObject();
            columns.forEach(c -> {
                try {
                    file.put(c, rs.getString(c));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        });
    }

    private ObjectNode manifest(
            SubjectIdentity subject, UUID requestId, Map<String, Integer> counts, ArrayNode attachments) {
        ObjectNode manifest = json.createObjectNode();
        manifest.put("requestId", requestId == null ? null : requestId.toString());
        ObjectNode who = manifest.putObject("subject");
        subject.emails().forEach(who.putArray("emails")::add);
        subject.records().contactIds().forEach(id -> who.withArray("contactIds").add(id.toString()));
        subject.records().leadIds().forEach(id -> who.withArray("leadIds").add(id.toString()));
        subject.records().userIds().forEach(id -> who.withArray("userIds").add(id.toString()));
        ArrayNode tables = manifest.putArray("tables");
        byTable().forEach((table, rows) -> {
            ObjectNode entry = tables.addObject();
            entry.put("table", table);
            entry.put("rows", counts.getOrDefault(table, 0));
            entry.put("files", table + ".json, " + table + ".csv");
            ArrayNode fields = entry.putArray("fields");
            for (PersonalField f : registry.personalFieldsOf(table)) {
                ObjectNode field = fields.addObject();
                field.put("column", f.column());
                if (f.jsonPath() != null) {
                    field.put("jsonPath", f.jsonPath());
                }
                field.put("category", f.category().name().toLowerCase());
                field.put("purpose", f.purpose());
                field.put("retention", f.retention().name().toLowerCase());
                field.put("erasure", f.erasure().name().toLowerCase());
            }
        });
        manifest.set("attachments", attachments);
        return manifest;
    }

    private String readme(Map<String, Integer> counts, ArrayNode attachments) {
        StringBuilder text = new StringBuilder("""
                Your personal data held by this organisation in Team365.

                Each <table>.json and <table>.csv holds the rows about you in one part of the system. Every personal
                value comes with its source: "user" means a member of the organisation entered it; other sources
                (an import, a web form, a connected account) are named. manifest.json lists the same in a form a
                program can read.

                """);
        byTable().forEach((table, rows) -> {
            text.append(table)
                    .append(" (")
                    .append(counts.getOrDefault(table, 0))
                    .append(" rows)\n");
            for (PersonalField f : registry.personalFieldsOf(table)) {
                text.append("  ")
                        .append(f.column())
                        .append(": ")
                        .append(f.category().name().toLowerCase())
                        .append("; purpose: ")
                        .append(f.purpose())
                        .append("; kept: ")
                        .append(f.retention().name().toLowerCase().replace('_', ' '))
                        .append("; on erasure: ")
                        .append(f.erasure().name().toLowerCase())
                        .append('\n');
            }
        });
        text.append("\nAttached files (listed; their content is available on request):\n");
        if (attachments.isEmpty()) {
            text.append("  none\n");
        }
        for (JsonNode file : attachments) {
            text.append("  ")
                    .append(file.path("file_name").asString())
                    .append(" (")
                    .append(file.path("content_type").asString())
                    .append(", ")
                    .append(file.path("size").asString())
                    .append(" bytes)\n");
        }
        return text.toString();
    }

    private JsonNode value(TableShapes.Column column, String value) {
        if (value == null) {
            return json.nullNode();
        }
        if (column.isJson()) {
            return json.readTree(value);
        }
        return json.getNodeFactory().stringNode(value);
    }

    private static UUID parseId(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notUuid) {
            return null;
        }
    }

    private static String csvLine(List<String> values) {
        return values.stream()
                        .map(v -> v == null ? "" : "\"" + v.replace("\"", "\"\"") + "\"")
                        .collect(Collectors.joining(","))
                + "\r\n";
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, content);
        zip.closeEntry();
    }

    private static void write(ZipOutputStream zip, String text) {
        try {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
