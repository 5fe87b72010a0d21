package io.team365.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Search over the imported Client: {@code GET /api/v1/search} with a mix of what people type (full names, names
 * without accents, last-name prefixes, exact emails, names with a typo), beside the same candidate query through raw
 * JDBC (the search function the server calls, without HTTP, authentication, visibility or JSON).
 */
final class SearchScenario {

    /** What the server asks PostgreSQL for one search (see io.team365.search). */
    static final String RAW_SQL =
            "select * from search_records(?, array['contact', 'company', 'lead', 'deal'], null, 10)";

    private SearchScenario() {}

    static String run(BenchDatabase db, String base, BenchTenant tenant, int clients, double warmup, double duration)
            throws Exception {
        List<String> queries = queries(db, tenant);
        System.out.println("\nsearch: " + queries.size() + " queries, e.g. " + queries.subList(0, 10));
        double settled = awaitAutovacuum(db, tenant);
        LoadRun.Phases apiPhases = LoadRun.measurePhases(clients, warmup, duration, i -> {
            SplittableRandom random = new SplittableRandom(i);
            return () -> {
                String q = queries.get(random.nextInt(queries.size()));
                HttpResponse<String> r = DataBenchmark.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/search?limit=10&q=" + DataBenchmark.enc(q))),
                        tenant.token());
                return r.statusCode() == 200;
            };
        });
        LoadRun.Result api = apiPhases.measured();
        System.out.println("  api warm-up " + apiPhases.warmup().line());
        System.out.println("  api       " + api.line());
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connections.add(db.connect(BenchDatabase.APP, tenant.tenantId()));
        }
        LoadRun.Result raw;
        try {
            raw = LoadRun.measure(clients, warmup, duration, i -> {
                SplittableRandom random = new SplittableRandom(i);
                Connection c = connections.get(i);
                return () -> {
                    try (PreparedStatement s = c.prepareStatement(RAW_SQL)) {
                        s.setString(1, queries.get(random.nextInt(queries.size())));
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                rs.getObject(1);
                            }
                        }
                    }
                    return true;
                };
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
        System.out.println("  raw jdbc  " + raw.line());
        System.out.printf(Locale.ROOT, "  p95 api %.1f ms (goal < 50 ms), api/jdbc p95 %.1f%n", api.p95(),
                api.p95() / raw.p95());
        return String.format(Locale.ROOT, """
                  "search": {"what": "GET /api/v1/search?limit=10&q=<mixed: names, unaccented names, prefixes, emails, typos>, %d clients, %.0f s",
                    "baseline": "%s through raw JDBC, same clients",
                    "waited_for_autovacuum_s": %.1f, "warmup_s": %.0f, "api_during_warmup": %s,
                    "api": %s, "raw_jdbc": %s, "goal_p95_ms": 50, "ratio_p95_api_to_jdbc": %.2f}""",
                clients, duration, RAW_SQL, settled, warmup, apiPhases.warmup().json(), api.json(), raw.json(),
                api.p95() / raw.p95());
    }

    /**
     * Waits (at most 10 minutes) until no autovacuum worker runs: right after a million-row import PostgreSQL vacuums
     * and analyses the grown tables for minutes, taking one of the two cores; the goal is about a Client's everyday
     * searches, not those minutes. Returns the seconds waited.
     */
    private static double awaitAutovacuum(BenchDatabase db, BenchTenant tenant) throws Exception {
        long start = System.nanoTime();
        try (Connection c = db.connect(BenchDatabase.APP, tenant.tenantId());
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
            while (DataBenchmark.seconds(start) < 600) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(1000);
            }
        }
        double waited = DataBenchmark.seconds(start);
        System.out.printf(Locale.ROOT, "  waited %.1f s for autovacuum to finish%n", waited);
        return waited;
    }

    /** 2,000 queries from people in the Client: a fifth of each kind. */
    private static List<String> queries(BenchDatabase db, BenchTenant tenant) throws Exception {
        List<String> out = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        try (Connection c = db.connect(BenchDatabase.APP, tenant.tenantId());
                PreparedStatement s = c.prepareStatement("""
                        select coalesce(first_name, ''), coalesce(last_name, ''), emails->0->>'address'
                        from contacts tablesample system (1) where deleted_at is null limit 2000""");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String first = rs.getString(1);
                String last = rs.getString(2);
                String email = rs.getString(3);
                String q = switch (random.nextInt(5)) {
                    case 0 -> first + " " + last;
                    case 1 -> unaccented(first + " " + last).toLowerCase(Locale.ROOT);
                    case 2 -> last.substring(0, Math.min(3, last.length()));
                    case 3 -> email == null ? last : email;
                    default -> first + " " + typo(last, random);
                };
                if (!q.isBlank()) {
                    out.add(q);
                }
            }
        }
        if (out.size() < 10) {
            throw new IllegalStateException("the Client has too few contacts to search: import first");
        }
        return out;
    }

    private static String unaccented(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Two neighbouring letters swapped, as fast typists do. */
    private static String typo(String word, SplittableRandom random) {
        if (word.length() < 4) {
            return word;
        }
        int i = 1 + random.nextInt(word.length() - 2);
        char[] c = word.toCharArray();
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
    }
}
