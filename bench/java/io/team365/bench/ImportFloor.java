package io.team365.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The least any import that stores the file's people as searchable contacts could take on this machine: the file
 * copied into a staging table, its rows inserted into a temporary copy of {@code contacts} (no WAL, no row-level
 * security, no triggers, no checks, no Java), then the indexes {@code contacts} has and the two search indexes of
 * {@code search_entries} built in bulk over the result, sorted once, rather than kept up to date row by row. Nothing
 * real is written: it all runs in one transaction that is rolled back. The index definitions are read from the
 * database, so the floor follows the schema.
 */
final class ImportFloor {

    record Result(double copy, double rows, double contactIndexes, double searchIndexes) {

        double total() {
            return copy + rows + contactIndexes + searchIndexes;
        }

        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"copy_seconds\": %.2f, \"insert_rows_seconds\": %.2f, \"contact_indexes_seconds\": %.2f,"
                            + " \"search_indexes_seconds\": %.2f, \"total_seconds\": %.2f}",
                    copy,
                    rows,
                    contactIndexes,
                    searchIndexes,
                    total());
        }
    }

    private ImportFloor() {}

    static Result measure(BenchDatabase db, UUID tenant, Path file) throws Exception {
        try (Connection c = db.connect(BenchDatabase.OWNER, tenant);
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                StringBuilder columns = new StringBuilder();
                for (int i = 0; i < ImportFile.HEADER.size(); i++) {
                    columns.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
                }
                s.execute("create temp table floor_staging (" + columns + ")");
                long start = System.nanoTime();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    c.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn("copy floor_staging from stdin (format csv, header true)", in);
                }
                double copy = DataBenchmark.seconds(start);

                s.execute("create temp table floor_contacts (like contacts including defaults including generated)");
                start = System.nanoTime();
                // c0 first name, c1 last name, c2/c3 emails, c4/c5 phones, c7 title, c8 city, c9 country, c10 label
                s.execute("""
                        insert into floor_contacts (tenant_id, id, first_name, last_name, emails, phones, job_title,
                                                    tags, address, owner_id)
                        select current_setting('app.tenant_id')::uuid,
                               ('00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, c0, left(c1, 100),
                               jsonb_path_query_array(jsonb_build_array(
                                   jsonb_build_object('address', lower(c2), 'primary', true),
                                   jsonb_build_object('address', lower(c3), 'primary', false)), '$[*] ? (@.address != null)'),
                               jsonb_path_query_array(jsonb_build_array(jsonb_build_object('number', c4),
                                   jsonb_build_object('number', c5)), '$[*] ? (@.number != null)'),
                               c7, case when c10 is null then '{}' else array[c10] end,
                               jsonb_build_object('city', c8, 'country', c9), current_setting('app.tenant_id')::uuid
                        from (select *, row_number() over () n from floor_staging) rows
                        where coalesce(c0, '') <> '' or coalesce(c1, '') <> '' or c2 is not null""");
                double rows = DataBenchmark.seconds(start);

                start = System.nanoTime();
                for (String index : definitions(c, "contacts", "%")) {
                    s.execute(index);
                }
                double contactIndexes = DataBenchmark.seconds(start);

                start = System.nanoTime();
                s.execute("""
                        create temp table floor_search as
                        select id, 'contact'::text as record_type,
                               search_fold(concat_ws(' ', first_name, last_name, emails->0->>'address',
                                                     emails->1->>'address')) as folded
                        from floor_contacts""");
                for (String index : definitions(c, "search_entries", "%_contact")) {
                    s.execute(index);
                }
                double searchIndexes = DataBenchmark.seconds(start);
                return new Result(copy, rows, contactIndexes, searchIndexes);
            } finally {
                c.rollback();
            }
        }
    }

    /** {@code create index} statements of the table's indexes, rewritten onto its temporary copy. */
    private static List<String> definitions(Connection c, String table, String namePattern) throws Exception {
        String copy = table.equals("contacts") ? "floor_contacts" : "floor_search";
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select regexp_replace(pg_get_indexdef(i.indexrelid), ' ON [a-z_.]+ ', ' ON pg_temp.' || ? || ' ')
                from pg_index i join pg_class t on t.oid = i.indrelid join pg_class x on x.oid = i.indexrelid
                where t.relname = ? and t.relnamespace = 'public'::regnamespace and x.relname like ?""")) {
            s.setString(1, copy);
            s.setString(2, table);
            s.setString(3, namePattern);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    // unnamed, so PostgreSQL names the copy's index itself
                    out.add(rs.getString(1).replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON", "CREATE $1INDEX ON"));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no indexes of " + table + " matching " + namePattern);
        }
        return out;
    }
}
