package io.team365.bench;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Load on the packaged server over HTTP with a personal access token, beside the same SQL through raw JDBC with the
 * same number of clients against the same database, in the same run: a contact by id, a tag-filtered list sorted by
 * last change, and a last-name-prefix list sorted by name, both following nextCursor a few pages deep. Prints
 * throughput and latency percentiles of both and their ratio, the server's largest heap, and writes
 * {@code bench/results/crm-api.json}. Run with {@code bench/crm-api.sh}; see {@code bench/README.md}.
 */
public final class CrmApiBenchmark {

    private record Scenario(
            String name, String what, LoadRun.Result api, LoadRun.Result jdbc, LoadRun.Result serverStatements) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        Path dataDir = Path.of(o.getOrDefault("data-dir", "target/bench-data"));
        int port = Integer.parseInt(o.getOrDefault("port", "18365"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "16"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "10"));
        double duration = Double.parseDouble(o.getOrDefault("duration", "30"));
        int pages = Integer.parseInt(o.getOrDefault("pages", "3"));
        double scale = Double.parseDouble(o.getOrDefault("scale", "1"));
        String heap = o.getOrDefault("heap", "512m");
        String tag = "customer";
        List<String> only = List.of(o.getOrDefault("scenarios", "get,tag,name").split(","));
        Path jar = jar(Path.of("target"));

        try (ServerProcess server = ServerProcess.start(
                jar, dataDir, port, heap, o.containsKey("jfr") ? Path.of(o.get("jfr")) : null)) {
            server.awaitHealthy(Duration.ofMinutes(4));
            String base = server.base();
            BenchDatabase db = BenchDatabase.of(dataDir);
            Path state = dataDir.resolve("bench-tenant.properties");
            BenchTenant tenant = BenchTenant.load(state);
            if (tenant == null) {
                tenant = BenchTenant.signUp(base, dataDir.resolve("server.log"));
                tenant.save(state);
            } else if (!tenant.tokenWorks(base)) {
                tenant = tenant.withNewToken(base);
                tenant.save(state);
            }
            if (CrmDataGenerator.contacts(db, tenant.tenantId()) == 0) {
                System.out.println("the benchmark Client is empty: generating at scale " + scale);
                new CrmDataGenerator(db, tenant, base, scale).run(Path.of("bench/results/crm-data.json"));
            }
            Map<String, Long> counts = CrmDataGenerator.counts(db, tenant.tenantId());
            System.out.println("dataset: " + counts + "; PostgreSQL on port " + db.port() + ", server pid "
                    + server.pid());
            List<UUID> ids = sampleIds(db, tenant.tenantId(), 100_000);
            ContactScenarios scenarios = new ContactScenarios(base, tenant.token(), ids, tag, pages);

            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                connections.add(db.connect(BenchDatabase.APP, tenant.tenantId()));
            }
            try {
                List<Scenario> results = new ArrayList<>();
                if (only.contains("get")) {
                    BenchTenant t = tenant;
                    results.add(run(
                        "get_contact_by_id",
                        "GET /api/v1/contacts/{id}, random ids",
                        clients,
                        warmup,
                        duration,
                        i -> scenarios.apiGet(),
                        i -> unchecked(() -> scenarios.jdbcGet(connections.get(i))),
                        i -> unchecked(() -> scenarios.jdbcServerStatements(connections.get(i), t.tenantId(), t.userId()))));
                }
                for (Connection c : connections) {
                    // the replay of the server's statements clears and sets the binding as the pool does
                    try (PreparedStatement set = c.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
                        set.setString(1, tenant.tenantId().toString());
                        set.execute();
                    }
                }
                if (only.contains("tag")) {
                    results.add(run(
                        "list_tag_sorted_by_updated",
                        "GET /api/v1/contacts?limit=50&sort=-updatedAt&filter[tag]=" + tag + ", up to " + pages
                                + " pages by nextCursor",
                        clients,
                        warmup,
                        duration,
                        i -> scenarios.apiList(false),
                        i -> unchecked(() -> scenarios.jdbcList(connections.get(i), false)),
                        null));
                }
                if (only.contains("name")) {
                    results.add(run(
                        "list_lastname_prefix_sorted_by_name",
                        "GET /api/v1/contacts?limit=50&sort=lastName&filter[lastName][starts]=<prefix>, up to "
                                + pages + " pages by nextCursor",
                        clients,
                        warmup,
                        duration,
                        i -> scenarios.apiList(true),
                        i -> unchecked(() -> scenarios.jdbcList(connections.get(i), true)),
                        null));
                }
                String plans = plans(connections.getFirst(), tag);
                Files.writeString(Path.of("bench/results/crm-api-plans.txt"), plans);
                write(results, counts, clients, warmup, duration, pages, heap, server);
                if (!server.alive()) {
                    throw new IllegalStateException("the server died during the run; see its log");
                }
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
            }
        }
    }

    private interface Maker<T> {
        T make() throws Exception;
    }

    private static <T> T unchecked(Maker<T> maker) {
        try {
            return maker.make();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Scenario run(
            String name,
            String what,
            int clients,
            double warmup,
            double duration,
            java.util.function.IntFunction<LoadRun.Operation> api,
            java.util.function.IntFunction<LoadRun.Operation> jdbc,
            java.util.function.IntFunction<LoadRun.Operation> serverStatements)
            throws InterruptedException {
        System.out.println("\n" + name + ": " + what + " (" + clients + " clients, " + duration + " s)");
        LoadRun.Result viaApi = LoadRun.measure(clients, warmup, duration, api);
        System.out.println("  api       " + viaApi.line());
        LoadRun.Result viaJdbc = LoadRun.measure(clients, warmup, duration, jdbc);
        System.out.println("  raw jdbc  " + viaJdbc.line());
        System.out.printf(
                Locale.ROOT,
                "  ratio     throughput api/jdbc %.2f, p95 api/jdbc %.1f%n",
                viaApi.throughput() / viaJdbc.throughput(),
                viaApi.p95() / viaJdbc.p95());
        LoadRun.Result replay = null;
        if (serverStatements != null) {
            replay = LoadRun.measure(clients, warmup, duration, serverStatements);
            System.out.println("  raw jdbc, the server's statements for one request  " + replay.line());
        }
        return new Scenario(name, what, viaApi, viaJdbc, replay);
    }

    private static List<UUID> sampleIds(BenchDatabase db, UUID tenant, int n) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.connect(BenchDatabase.APP, tenant);
                PreparedStatement s = c.prepareStatement(
                        "select id from contacts where deleted_at is null order by random() limit ?")) {
            s.setInt(1, n);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** EXPLAIN ANALYZE of the first page of both lists, to see why they take what they take. */
    private static String plans(Connection c, String tag) throws Exception {
        StringBuilder out = new StringBuilder();
        String[][] queries = {
            {ContactScenarios.TAG_SQL.formatted(""), tag},
            {ContactScenarios.NAME_SQL.formatted(""), "Mü"},
            {ContactScenarios.NAME_SQL.formatted(""), "Ro"}
        };
        for (String[] q : queries) {
            out.append("-- ").append(q[0]).append("\n-- with ").append(q[1]).append('\n');
            try (PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + q[0])) {
                int parameters = q[0].equals(ContactScenarios.TAG_SQL.formatted("")) ? 1 : ContactScenarios.NAME_PREFIX_PARAMETERS;
                for (int i = 1; i <= parameters; i++) {
                    s.setString(i, q[1]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void write(
            List<Scenario> results,
            Map<String, Long> counts,
            int clients,
            double warmup,
            double duration,
            int pages,
            String heap,
            ServerProcess server)
            throws Exception {
        StringBuilder json = new StringBuilder("{\n  \"benchmark\": \"CRM API over HTTP vs raw JDBC\",\n");
        json.append(String.format(
                Locale.ROOT,
                "  \"clients\": %d, \"warmup_seconds\": %.0f, \"measured_seconds\": %.0f, \"pages_deep\": %d,"
                        + " \"cores\": %d,\n",
                clients,
                warmup,
                duration,
                pages,
                Runtime.getRuntime().availableProcessors()));
        Map<String, String> countJson = new LinkedHashMap<>();
        counts.forEach((k, v) -> countJson.put(k, "\"" + k + "\": " + v));
        json.append("  \"dataset\": {").append(String.join(", ", countJson.values())).append("},\n");
        ServerProcess.Heap heapSeen = server.heap();
        json.append(String.format(
                Locale.ROOT,
                "  \"server_heap\": {\"xmx\": \"%s\", \"max_used_mib\": %d, \"max_committed_mib\": %d,"
                        + " \"collections\": %d, \"from\": \"GC log: heap in use before each collection\"},%n",
                heap,
                heapSeen.maxUsedMiB(),
                heapSeen.maxCommittedMiB(),
                heapSeen.collections()));
        json.append("  \"scenarios\": [\n");
        for (int i = 0; i < results.size(); i++) {
            Scenario s = results.get(i);
            json.append(String.format(
                    Locale.ROOT,
                    "    {\"name\": \"%s\", \"what\": \"%s\",%n     \"api\": %s,%n     \"raw_jdbc\": %s,%n%s"
                            + "     \"throughput_ratio_api_to_jdbc\": %.3f, \"p95_ratio_api_to_jdbc\": %.2f}%s%n",
                    s.name(),
                    s.what(),
                    s.api().json(),
                    s.jdbc().json(),
                    s.serverStatements() == null
                            ? ""
                            : "     \"raw_jdbc_server_statements\": " + s.serverStatements().json() + ",\n",
                    s.api().throughput() / s.jdbc().throughput(),
                    s.api().p95() / s.jdbc().p95(),
                    i + 1 < results.size() ? "," : ""));
        }
        json.append("  ]\n}\n");
        Path out = Path.of("bench", "results", "crm-api.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.println();
        System.out.print(json);
    }

    private static Path jar(Path target) throws Exception {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "team365-*.jar")) {
            for (Path jar : jars) {
                if (!jar.getFileName().toString().endsWith("-plain.jar")) {
                    return jar;
                }
            }
        }
        throw new IllegalStateException("no target/team365-*.jar: run mvn -o package -DskipTests first");
    }
}
