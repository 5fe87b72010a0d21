package io.team365.core.exporting;

/**
 * One column a record module offers to exports: its name (the CSV header, the JSON field, the name a vCard writer
 * looks for), the SQL expression that reads it from the module's table (no alias), which formats use it, and how its
 * text is written.
 */
public record ExportColumn(String name, String sql, Use use, Kind kind, String jsonField) {

    /** Which formats write the column; a vCard writer reads any column it knows by name. */
    public enum Use {
        /** Flat text in CSV, a field in JSON. */
        BOTH,
        /** A flattened form for spreadsheets (the primary email, tags joined by "; "). */
        CSV,
        /** The API's structured form (a JSON array or object). */
        JSON
    }

    public enum Kind {
        /** Free text (or null); in CSV neutralised against formula injection, in JSON a string. */
        TEXT,
        /** A JSON literal as PostgreSQL writes it (number, boolean, array, object) or null; never neutralised. */
        RAW,
        /** A user id (text); CSV writes the member's name instead. */
        USER,
        /**
         * A UTC timestamp as PostgreSQL writes it ({@code 2026-12-02 10:15:30.5}), written as ISO-8601 the way the API
         * does ({@code 2026-12-02T10:15:30.5Z}): converting text is much cheaper than {@code to_char} per row.
         */
        TIMESTAMP,
        /**
         * A JSON array of objects as stored (the emails, the phones): CSV writes each element's {@link #jsonField}
         * joined by "; ". Reading the stored text and picking in Java is far cheaper than a subquery per row.
         */
        LIST,
        /** Like {@link #LIST}, but only the element marked {@code "primary": true}, else the first. */
        PRIMARY
    }

    public ExportColumn {
        if (name == null || sql == null || use == null || kind == null) {
            throw new IllegalArgumentException("an export column needs a name, SQL, a use and a kind");
        }
        if ((kind == Kind.LIST || kind == Kind.PRIMARY) != (jsonField != null)) {
            throw new IllegalArgumentException("list columns, and only they, name the field they show: " + name);
        }
    }

    public ExportColumn(String name, String sql, Use use, Kind kind) {
        this(name, sql, use, kind, null);
    }

    /** CSV: one field of every element of a stored JSON array of objects, joined by "; ". */
    public static ExportColumn list(String name, String jsonArray, String field) {
        return new ExportColumn(name, jsonArray, Use.CSV, Kind.LIST, field);
    }

    /** CSV: one field of the primary (else the first) element of a stored JSON array of objects. */
    public static ExportColumn primary(String name, String jsonArray, String field) {
        return new ExportColumn(name, jsonArray, Use.CSV, Kind.PRIMARY, field);
    }

    public static ExportColumn text(String name, String sql) {
        return new ExportColumn(name, sql, Use.BOTH, Kind.TEXT);
    }

    /** A uuid column as text. */
    public static ExportColumn id(String name, String column) {
        return new ExportColumn(name, column + "::text", Use.BOTH, Kind.TEXT);
    }

    /** A timestamp as ISO-8601 in UTC, as the API writes it. */
    public static ExportColumn timestamp(String name, String column) {
        return new ExportColumn(name, "(" + column + " at time zone 'UTC')::text", Use.BOTH, Kind.TIMESTAMP);
    }

    /** A jsonb column as the API shows it, JSON only. */
    public static ExportColumn json(String name, String sql) {
        return new ExportColumn(name, sql, Use.JSON, Kind.RAW);
    }

    /** A flattened spreadsheet form, CSV only. */
    public static ExportColumn csv(String name, String sql) {
        return new ExportColumn(name, sql, Use.CSV, Kind.TEXT);
    }

    /** A {@code text[]} column: joined by "; " in CSV, an array in JSON; two columns of the same name. */
    public static java.util.List<ExportColumn> textArray(String name, String column) {
        return java.util.List.of(
                new ExportColumn(name, "array_to_string(" + column + ", '; ')", Use.CSV, Kind.TEXT),
                new ExportColumn(name, "to_jsonb(" + column + ")::text", Use.JSON, Kind.RAW));
    }

    /** {@code 2026-12-02 10:15:30.5} (UTC) as {@code 2026-12-02T10:15:30.5Z}; null stays null. */
    public static String isoTimestamp(String postgres) {
        return postgres == null || postgres.length() < 11
                ? postgres
                : postgres.substring(0, 10) + 'T' + postgres.substring(11) + 'Z';
    }

    public boolean inCsv() {
        return use != Use.JSON;
    }

    public boolean inJson() {
        return use != Use.CSV;
    }
}
