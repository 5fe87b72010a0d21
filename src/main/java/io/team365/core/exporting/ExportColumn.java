package io.team365.core.exporting;

/**
 * One column a record module offers to exports: its name (the CSV header, the JSON field, the name a vCard writer
 * looks for), the SQL expression that reads it from the module's table (no alias), which formats use it, and how its
 * text is written.
 */
public record ExportColumn(String name, String sql, Use use, Kind kind) {

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
        USER
    }

    public ExportColumn {
        if (name == null || sql == null || use == null || kind == null) {
            throw new IllegalArgumentException("an export column needs a name, SQL, a use and a kind");
        }
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
        return new ExportColumn(
                name,
                "to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')",
                Use.BOTH,
                Kind.TEXT);
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

    public boolean inCsv() {
        return use != Use.JSON;
    }

    public boolean inJson() {
        return use != Use.CSV;
    }
}
