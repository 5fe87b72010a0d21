package io.team365.privacy.subjects;

import io.team365.core.personaldata.SubjectRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL around a {@link SubjectRows} declaration: finding the subject's rows, reading and changing one by key. */
@Component
class SubjectRowQueries {

    private final JdbcClient jdbc;
    private final TableShapes shapes;

    SubjectRowQueries(JdbcClient jdbc, TableShapes shapes) {
        this.jdbc = jdbc;
        this.shapes = shapes;
    }

    /** The primary keys of the rows the declaration finds for the subject. */
    List<Map<String, Object>> keys(SubjectRows rows, Map<String, Object> params) {
        TableShapes.Shape shape = shapes.of(rows.table());
        return jdbc.sql("select " + String.join(", ", shape.key()) + " from " + rows.table() + " t where ("
                        + rows.condition() + ")")
                .params(params)
                .query((rs, n) -> {
                    Map<String, Object> key = new LinkedHashMap<>();
                    for (String column : shape.key()) {
                        key.put(column, rs.getObject(column));
                    }
                    return key;
                })
                .list();
    }

    /** Streams the declared rows' {@code columns} (JSON as text), row by row. */
    void read(SubjectRows rows, List<String> columns, Map<String, Object> params, RowCallbackHandler each) {
        jdbc.sql("select " + columns.stream().map(SubjectRowQueries::asText).collect(Collectors.joining(", "))
                        + " from " + rows.table() + " t where (" + rows.condition() + ") order by "
                        + String.join(
                                ", ",
                                shapes.of(rows.table()).key().stream()
                                        .map(c -> "t." + c)
                                        .toList()))
                .params(params)
                .query(each);
    }

    /** One row's columns by key, each as JSON text (a string, an array, a document); empty if the row is gone. */
    List<Map<String, Object>> rowAsJson(String table, Map<String, Object> key, List<String> columns) {
        return jdbc.sql("select "
                        + columns.stream()
                                .map(c -> "to_jsonb(t." + c + ")::text as " + c)
                                .collect(Collectors.joining(", "))
                        + " from " + table + " t where " + where(key))
                .params(keyParams(key))
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String column : columns) {
                        row.put(column, rs.getString(column));
                    }
                    return row;
                })
                .list();
    }

    int delete(String table, Map<String, Object> key) {
        return jdbc.sql("delete from " + table + " t where " + where(key))
                .params(keyParams(key))
                .update();
    }

    /** {@code set} assignments may use their own named parameters besides the key's ({@code k0}, {@code k1}…). */
    int update(String table, Map<String, Object> key, String set, Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.putAll(keyParams(key));
        return jdbc.sql("update " + table + " t set " + set + " where " + where(key))
                .params(all)
                .update();
    }

    private static String asText(String column) {
        return "t." + column + "::text as " + column;
    }

    private static String where(Map<String, Object> key) {
        List<String> conditions = new ArrayList<>();
        int i = 0;
        for (String column : key.keySet()) {
            conditions.add("t." + column + " = :k" + i++);
        }
        return String.join(" and ", conditions);
    }

    private static Map<String, Object> keyParams(Map<String, Object> key) {
        Map<String, Object> params = new LinkedHashMap<>();
        int i = 0;
        for (Object value : key.values()) {
            params.put("k" + i++, value);
        }
        return params;
    }
}
