package io.team365.privacy.subjects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the database says about a declared table: its columns and their types, its primary key, and whether the
 * application role may change its rows. Read once per table; the schema only changes with a deployment.
 */
@Component
class TableShapes {

    /** One column: how to read it, and what may replace its value without breaking a constraint. */
    record Column(String name, String dataType, String udt, boolean nullable, boolean unique) {

        boolean isJson() {
            return udt.equals("jsonb") || udt.equals("json");
        }

        boolean isTextArray() {
            return dataType.equals("ARRAY") && (udt.equals("_text") || udt.equals("_varchar"));
        }

        boolean isText() {
            return dataType.equals("text") || dataType.equals("character varying") || dataType.equals("character");
        }

        boolean isTime() {
            return dataType.startsWith("timestamp") || dataType.equals("date");
        }
    }

    /** A table: its columns in order, its key columns, and whether erasure may update or delete its rows. */
    record Shape(String table, Map<String, Column> columns, List<String> key, boolean updatable, boolean deletable) {

        Column column(String name) {
            Column column = columns.get(name);
            if (column == null) {
                throw new IllegalStateException("declared column " + table + "." + name + " does not exist");
            }
            return column;
        }

        /** Kept as evidence: the application may not change it (the append-only audit trail). */
        boolean evidenceOnly() {
            return !updatable && !deletable;
        }
    }

    private final JdbcClient jdbc;
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

    TableShapes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Shape of(String table) {
        return shapes.computeIfAbsent(table, this::read);
    }

    private Shape read(String table) {
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        List<String> unique =
                jdbc.sql("""
                        select a.attname from pg_index i
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                        where i.indrelid = cast(:table as regclass) and i.indisunique and i.indnatts = 1
                        """).param("table", table).query(String.class).list();
        Map<String, Column> columns = new LinkedHashMap<>();
        jdbc.sql("""
                        select column_name, data_type, udt_name, is_nullable = 'YES' from information_schema.columns
                        where table_schema = 'public' and table_name = :table order by ordinal_position
                        """)
                .param("table", table)
                .query((rs, n) -> new Column(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        unique.contains(rs.getString(1))))
                .list()
                .forEach(c -> columns.put(c.name(), c));
        if (columns.isEmpty()) {
            throw new IllegalStateException("declared table " + table + " does not exist");
        }
        List<String> key =
                jdbc.sql("""
                        select a.attname from pg_index i
                        cross join lateral unnest(cast(i.indkey as int2[])) with ordinality as k(attnum, position)
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                        where i.indrelid = cast(:table as regclass) and i.indisprimary
                        order by k.position
                        """).param("table", table).query(String.class).list();
        if (key.isEmpty()) {
            throw new IllegalStateException("a table about data subjects needs a primary key: " + table);
        }
        boolean updatable = jdbc.sql("select has_table_privilege(cast(:table as regclass), 'UPDATE')")
                .param("table", table)
                .query(Boolean.class)
                .single();
        boolean deletable = jdbc.sql("select has_table_privilege(cast(:table as regclass), 'DELETE')")
                .param("table", table)
                .query(Boolean.class)
                .single();
        return new Shape(table, java.util.Collections.unmodifiableMap(columns), List.copyOf(key), updatable, deletable);
    }
}
