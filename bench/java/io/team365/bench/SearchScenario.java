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
        LoadRun.Result api = LoadRun.measure(clients, warmup, duration, i -> {
            SplittableRandom random = new SplittableRandom(i);
            return () -> {
                String q = queries.get(random.nextInt(queries.size()));
                HttpResponse<String> r = DataBenchmark.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/search?limit=10&q=" + DataBenchmark.enc(q))),
                        tenant.token());
                return r.statusCode() == 200;
            };
        });
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
                    "api": %s, "raw_jdbc": %s, "goal_p95_ms": 50, "ratio_p95_api_to_jdbc": %.2f}""",
                clients, duration, RAW_SQL, api.json(), raw.json(), api.p95() / raw.p95());
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
