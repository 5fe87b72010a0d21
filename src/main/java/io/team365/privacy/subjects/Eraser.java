package io.team365.privacy.subjects;

import static io.team365.core.personaldata.PersonalField.Erasure.ANONYMISE;

import io.team365.core.RecordTable;
import io.team365.core.RecordsPurged;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import io.team365.privacy.PersonalDataRegistry;
import io.team365.privacy.internal.ErasureOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Erasure from the registry alone. Every declaration's rows are found first, so one condition may still see rows
 * another deletes; then OWNED rows are deleted (every personal field DELETE) or kept with their fields replaced (some
 * field ANONYMISE: something else needs the row), and LINKED rows are deleted when they are pure links (no personal
 * field) or have the subject's identifiers scrubbed from their personal columns. Tables the application may not
 * change (the append-only audit trail) are left alone. Deleted records of a {@link RecordTable} are announced as
 * {@link RecordsPurged}, so their modules drop what they keep elsewhere (a file's blob, a timeline).
 */
@Component
class Eraser {

    private final PersonalDataRegistry registry;
    private final SubjectRowQueries queries;
    private final TableShapes shapes;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Map<String, String> recordTypes;

    Eraser(
            PersonalDataRegistry registry,
            SubjectRowQueries queries,
            TableShapes shapes,
            ObjectMapper json,
            ApplicationEventPublisher events,
            List<RecordTable> recordTables) {
        this.registry = registry;
        this.queries = queries;
        this.shapes = shapes;
        this.json = json;
        this.events = events;
        this.recordTypes = recordTables.stream().collect(Collectors.toMap(RecordTable::table, RecordTable::recordType));
    }

    ErasureOutcome erase(SubjectIdentity subject) {
        Map<String, Object> params = subject.parameters();
        // rows linked to the subject's records by id, as opposed to rows found only because their text mentions them
        Map<String, Object> byIdOnly = new HashMap<>(params);
        byIdOnly.put("patterns", new String[0]);
        record Found(SubjectRows rows, List<Map<String, Object>> keys, Set<Map<String, Object>> linkedById) {}
        List<Found> found = new ArrayList<>();
        for (SubjectRows rows : registry.subjectRows()) {
            if (!shapes.of(rows.table()).evidenceOnly()) {
                Set<Map<String, Object>> linkedById = rows.relation() == SubjectRows.Relation.LINKED
                        ? new HashSet<>(queries.keys(rows, byIdOnly))
                        : Set.of();
                found.add(new Found(rows, queries.keys(rows, params), linkedById));
            }
        }
        Map<String, Integer> deleted = new TreeMap<>();
        Map<String, Integer> anonymised = new TreeMap<>();
        Map<String, List<UUID>> purged = new HashMap<>();
        Scrubber scrubber = new Scrubber(subject, true);
        // a row found only by the subject's full name, email or phone may name other people who share a first or last
        // name with them: there only those strong identifiers are replaced
        Scrubber strongOnly = new Scrubber(subject, false);
        // owned rows first: a shared row that is also the subject's own then needs no scrubbing
        for (SubjectRows.Relation relation : SubjectRows.Relation.values()) {
            for (Found f : found) {
                if (f.rows().relation() != relation) {
                    continue;
                }
                String table = f.rows().table();
                List<PersonalField> fields = registry.personalFieldsOf(table);
                for (Map<String, Object> key : f.keys()) {
                    boolean removeRow = relation == SubjectRows.Relation.OWNED
                            ? fields.stream().noneMatch(p -> p.erasure() == ANONYMISE)
                            : fields.isEmpty();
                    if (removeRow) {
                        if (queries.delete(table, key) == 1) {
                            deleted.merge(table, 1, Integer::sum);
                            if (recordTypes.containsKey(table) && key.get("id") instanceof UUID id) {
                                purged.computeIfAbsent(table, t -> new ArrayList<>())
                                        .add(id);
                            }
                        }
                    } else if (relation == SubjectRows.Relation.OWNED
                            ? anonymise(table, key, fields)
                            : scrub(table, key, fields, f.linkedById().contains(key) ? scrubber : strongOnly)) {
                        anonymised.merge(table, 1, Integer::sum);
                    }
                }
            }
        }
        purged.forEach(
                (table, ids) -> events.publishEvent(new RecordsPurged(subject.tenant(), recordTypes.get(table), ids)));
        return new ErasureOutcome(deleted, anonymised);
    }

    /** ANONYMISE fields get a placeholder, DELETE fields are emptied; NOT NULL and unique columns stay valid. */
    private boolean anonymise(String table, Map<String, Object> key, List<PersonalField> fields) {
        TableShapes.Shape shape = shapes.of(table);
        List<String> assignments = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : fields.stream().map(PersonalField::column).distinct().toList()) {
            TableShapes.Column column = shape.column(name);
            boolean keepMeaning = fields.stream().anyMatch(p -> p.column().equals(name) && p.erasure() == ANONYMISE);
            String value = replacement(column, keepMeaning, values);
            if (value != null) {
                assignments.add(name + " = " + value);
            }
        }
        return !assignments.isEmpty() && queries.update(table, key, String.join(", ", assignments), values) == 1;
    }

    private static String replacement(TableShapes.Column column, boolean keepMeaning, Map<String, Object> values) {
        String param = "v" + values.size();
        if (column.isJson()) {
            return column.nullable()
                    ? "null"
                    : "case jsonb_typeof(" + column.name() + "::jsonb) when 'array' then '[]' when 'object' then '{}'"
                            + " else '\"" + Scrubber.ERASED + "\"' end::" + column.udt();
        }
        if (column.isTextArray()) {
            return column.nullable() ? "null" : "'{}'";
        }
        if (column.isText()) {
            if (!keepMeaning && column.nullable()) {
                return "null";
            }
            // a unique column (an email) cannot take the same placeholder twice
            values.put(
                    param,
                    column.unique() ? "erased-" + UUID.randomUUID().toString().substring(0, 13) : Scrubber.ERASED);
            return ":" + param;
        }
        return column.nullable() ? "null" : null;
    }

    /** The subject's identifiers replaced inside the row's personal columns; JSON stays valid JSON. */
    private boolean scrub(String table, Map<String, Object> key, List<PersonalField> fields, Scrubber scrubber) {
        TableShapes.Shape shape = shapes.of(table);
        List<String> columns = fields.stream()
                .map(PersonalField::column)
                .distinct()
                .filter(c -> {
                    TableShapes.Column column = shape.column(c);
                    return column.isText() || column.isJson() || column.isTextArray();
                })
                .toList();
        if (columns.isEmpty()) {
            return false;
        }
        // every value read as JSON (a string, an array, a document), scrubbed as a tree and written back as its type
        List<Map<String, Object>> rows = queries.rowAsJson(table, key, columns);
        if (rows.isEmpty()) {
            return false;
        }
        Map<String, Object> row = rows.getFirst();
        List<String> assignments = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : columns) {
            String before = (String) row.get(name);
            String after = scrubber.json(json, before);
            if (!Objects.equals(before, after)) {
                String param = "v" + values.size();
                values.put(param, after);
                assignments.add(name + " = " + fromJson(shape.column(name), param));
            }
        }
        return !assignments.isEmpty() && queries.update(table, key, String.join(", ", assignments), values) == 1;
    }

    private static String fromJson(TableShapes.Column column, String param) {
        if (column.isTextArray()) {
            return "array(select jsonb_array_elements_text(cast(:" + param + " as jsonb)))";
        }
        return column.isJson()
                ? "cast(:" + param + " as jsonb)::" + column.udt()
                : "cast(:" + param + " as jsonb) #>> '{}'";
    }
}
