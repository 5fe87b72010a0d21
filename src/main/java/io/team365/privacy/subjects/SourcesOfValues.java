package io.team365.privacy.subjects;

import io.team365.privacy.PersonalDataRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each stored value came from (entered by a user, an import, a web form…), for access packages. Read from the
 * {@code value_sources} table when a module declares it (one row per record and field: {@code record_id},
 * {@code field}, {@code source}), and what imports set from {@code value_source_imports} (one row per record, its
 * {@code fields}); a value with no recorded source was entered by a user.
 */
@Component
class SourcesOfValues {

    static final String DEFAULT = "user";
    private static final String TABLE = "value_sources";
    private static final String IMPORTED = "value_source_imports";

    private final JdbcClient jdbc;
    private final PersonalDataRegistry registry;
    private final TableShapes shapes;

    SourcesOfValues(JdbcClient jdbc, PersonalDataRegistry registry, TableShapes shapes) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.shapes = shapes;
    }

    /** Sources per record id and field name, for the given records; empty when no module keeps sources. */
    Map<UUID, Map<String, String>> of(List<UUID> recordIds) {
        Map<UUID, Map<String, String>> sources = new HashMap<>();
        String[] columns = columns();
        if (columns == null || recordIds.isEmpty()) {
            return sources;
        }
        // a source's detail (which import file, which connected account) is part of the answer when it is kept
        String detail = shapes.of(TABLE).columns().containsKey("detail") ? "detail" : "null";
        jdbc.sql("select " + columns[0] + ", " + columns[1] + ", " + columns[2] + ", " + detail + " from " + TABLE
                        + " where " + columns[0] + " = any(:ids)")
                .param("ids", recordIds.toArray(UUID[]::new))
                .query((rs, n) -> sources.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>())
                        .put(
                                rs.getString(2),
                                rs.getString(4) == null
                                        ? rs.getString(3)
                                        : rs.getString(3) + " (" + rs.getString(4) + ")"))
                .list();
        // what an import set is kept as one row per record naming its fields (ADR 0019); a field is never in both
        if (registry.declaredColumns().contains(IMPORTED + ".fields")) {
            jdbc.sql("select record_id, f, detail from " + IMPORTED
                            + " cross join unnest(fields) f where record_id = any(:ids)")
                    .param("ids", recordIds.toArray(UUID[]::new))
                    .query((rs, n) -> sources.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>())
                            .putIfAbsent(
                                    rs.getString(2),
                                    rs.getString(3) == null ? "import" : "import (" + rs.getString(3) + ")"))
                    .list();
        }
        return sources;
    }

    /** The source of one value: by the column's name or its camelCase field name. */
    static String sourceOf(Map<UUID, Map<String, String>> sources, Object recordId, String column) {
        Map<String, String> fields = recordId instanceof UUID id ? sources.get(id) : null;
        if (fields == null) {
            return DEFAULT;
        }
        String source = fields.get(column);
        if (source == null) {
            source = fields.get(camelCase(column));
        }
        return source == null ? DEFAULT : source;
    }

    static String camelCase(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** record id, field and source columns of value_sources, or null when the table is not declared or differs. */
    private String[] columns() {
        Set<String> declared = registry.declaredColumns().stream()
                .filter(c -> c.startsWith(TABLE + "."))
                .collect(Collectors.toSet());
        if (declared.isEmpty()) {
            return null;
        }
        Set<String> present = shapes.of(TABLE).columns().keySet();
        String record = first(present, "record_id", "subject_id");
        String field = first(present, "field", "field_name", "column_name", "path");
        String source = first(present, "source", "source_kind", "kind");
        return record == null || field == null || source == null ? null : new String[] {record, field, source};
    }

    private static String first(Set<String> present, String... names) {
        for (String name : names) {
            if (present.contains(name)) {
                return name;
            }
        }
        return null;
    }
}
