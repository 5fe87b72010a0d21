package io.team365.core.database;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Many rows as one set-based statement: each column travels as one array parameter and {@code unnest} turns them
 * back into rows, so a batch of thousands of records is one {@code insert … select} or {@code update … from} (one
 * round trip, and statement-level triggers fire once). Columns are declared as {@code "name type"} with type
 * {@code uuid}, {@code text}, {@code jsonb} (JSON text), {@code text[]} (an array literal, see
 * {@link RecordRows#textArray}), {@code numeric}, {@code date} (ISO text), {@code int} or {@code bigint}.
 */
public final class Unnest {

    private final String alias;
    private final List<String> names = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<List<Object>> columns = new ArrayList<>();

    private Unnest(String alias, String... columns) {
        this.alias = alias;
        for (String column : columns) {
            String[] parts = column.strip().split("\\s+", 2);
            names.add(parts[0]);
            types.add(parts[1]);
            this.columns.add(new ArrayList<>());
        }
    }

    /** Rows of the named, typed columns, read in SQL through {@code alias}. */
    public static Unnest of(String alias, String... columns) {
        return new Unnest(alias, columns);
    }

    /** One row: a value per column, in the declared order. */
    public Unnest add(Object... values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("one value per column");
        }
        for (int i = 0; i < values.length; i++) {
            columns.get(i).add(values[i]);
        }
        return this;
    }

    public int size() {
        return columns.isEmpty() ? 0 : columns.getFirst().size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** {@code unnest(cast(:alias_0 as uuid[]), …) as alias (name, …)}, for a {@code from} clause. */
    public String from() {
        List<String> arrays = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            arrays.add("cast(:" + param(i) + " as " + transport(types.get(i)) + "[])");
        }
        return "unnest(" + String.join(", ", arrays) + ") as " + alias + " (" + String.join(", ", names) + ")";
    }

    /** The column as its declared type: {@code cast(alias.emails as jsonb)}. */
    public String value(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(name);
        }
        String type = types.get(i);
        String column = alias + "." + name;
        return type.equals(transport(type)) ? column : "cast(" + column + " as " + type + ")";
    }

    /** Every column as its declared type, in order, comma-separated (for {@code insert … select}). */
    public String values() {
        return String.join(", ", names.stream().map(this::value).toList());
    }

    /** The array parameters. */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            List<Object> values = columns.get(i);
            Object array = switch (transport(types.get(i))) {
                case "uuid" -> values.toArray(UUID[]::new);
                case "numeric" -> values.toArray(BigDecimal[]::new);
                case "int" -> values.toArray(Integer[]::new);
                case "bigint" -> values.toArray(Long[]::new);
                default ->
                    values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
            };
            params.put(param(i), array);
        }
        return params;
    }

    private String param(int i) {
        return alias + "_" + i;
    }

    /** What the values travel as: text for JSON, arrays and dates (cast back in SQL). */
    private static String transport(String type) {
        return switch (type) {
            case "uuid", "numeric", "int", "bigint", "text" -> type;
            default -> "text";
        };
    }
}
