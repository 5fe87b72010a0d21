package io.team365.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Data in and out at scale, on the packaged server at {@code -Xmx512m}, each beside a baseline measured in the same
 * run on the same database: a 1,000,000-row contacts CSV imported through {@code POST /api/v1/imports} against a raw
 * {@code COPY} of the same file into an unindexed staging table; search with 8 clients over the imported Client
 * ({@code GET /api/v1/search}) against the raw exact-key lookup; and an export of every contact to CSV through
 * {@code POST /api/v1/exports} against a raw {@code COPY (select …) TO STDOUT}. Writes
 * {@code bench/results/data.json}. Run with {@code bench/data.sh}; see {@code bench/README.md}.
 */
public final class DataBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        Path dataDir = Path.of(o.getOrDefault("data-dir", "target/bench-data-import"));
        int port = Integer.parseInt(o.getOrDefault("port", "18366"));
        int rows = Integer.parseInt(o.getOrDefault("rows", "1000000"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "60"));
        double duration = Double.parseDouble(o.getOrDefault("duration", "30"));
        String heap = o.getOrDefault("heap", "512m");
        List<String> only = List.of(o.getOrDefault("scenarios", "import,search,export").split(","));
        Files.createDirectories(dataDir);

        Path file = dataDir.resolve("contacts-" + rows + ".csv");
        ImportFile.Made made = null;
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            made = ImportFile.write(file, rows, 20261202L);
            System.out.printf(Locale.ROOT, "wrote %s: %d rows (%d repeats, %d bad), %.0f MB in %.1f s%n", file,
                    made.rows(), made.duplicates(), made.bad(), made.bytes() / 1e6, seconds(t));
        }

        StringBuilder json = new StringBuilder("{\n  \"benchmark\": \"data in and out at scale\",\n");
        json.append(String.format(Locale.ROOT, "  \"rows_in_file\": %d, \"file_mb\": %.1f, \"heap\": \"%s\",%n",
                rows, Files.size(file) / 1e6, heap));
        try (ServerProcess server = ServerProcess.start(
                jar(Path.of("target")), dataDir, port, heap, o.containsKey("jfr") ? Path.of(o.get("jfr")) : null)) {
            server.awaitHealthy(Duration.ofMinutes(4));
            String base = server.base();
            BenchDatabase db = BenchDatabase.of(dataDir);
            Path state = dataDir.resolve("bench-tenant.properties");
            BenchTenant tenant = BenchTenant.load(state);
            if (only.contains("import") || tenant == null) {
                // every import run starts from an empty Client, as a Client moving to Team365 does
                tenant = BenchTenant.signUp(base, dataDir.resolve("server.log"));
                tenant.save(state);
            } else if (!tenant.tokenWorks(base)) {
                tenant = tenant.withNewToken(base);
                tenant.save(state);
            }
            List<String> parts = new ArrayList<>();
            if (only.contains("import")) {
                parts.add(ImportScenario.run(db, base, tenant, file));
            }
            if (only.contains("search")) {
                parts.add(SearchScenario.run(db, base, tenant, clients, warmup, duration));
            }
            if (only.contains("export")) {
                parts.add(ExportScenario.run(db, base, tenant));
            }
            ServerProcess.Heap h = server.heap();
            json.append(String.join(",\n", parts)).append(",\n");
            json.append(String.format(Locale.ROOT,
                    "  \"server_heap\": {\"max_used_mib\": %d, \"max_committed_mib\": %d, \"collections\": %d}%n}%n",
                    h.maxUsedMiB(), h.maxCommittedMiB(), h.collections()));
            System.out.printf(Locale.ROOT, "%nserver heap: largest in use %d MiB (committed %d MiB, -Xmx%s)%n",
                    h.maxUsedMiB(), h.maxCommittedMiB(), heap);
            if (!server.alive()) {
                throw new IllegalStateException("the server died during the run; see its log");
            }
        }
        Files.writeString(Path.of("bench/results/data.json"), json);
        System.out.println("wrote bench/results/data.json");
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<InputStream> stream(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Bytes of a raw {@code COPY … TO STDOUT}, as the application role bound to the Client. */
    static long copyOut(Connection c, String sql) throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        CountingSink sink = new CountingSink();
        return copy.copyOut(sql, sink) >= 0 ? sink.bytes : sink.bytes;
    }

    static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    static long count(BenchDatabase db, UUID tenant, String sql) throws Exception {
        try (Connection c = db.connect(BenchDatabase.APP, tenant);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(BenchDatabase db, UUID tenant, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(BenchDatabase.APP, tenant);
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** A number field of a flat JSON object (0 when absent). */
    static long number(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "\"" + java.util.regex.Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)")
                .matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static SplittableRandom random(long seed) {
        return new SplittableRandom(seed);
    }

    private static Path jar(Path target) throws Exception {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "team365-*.jar")) {
            for (Path p : jars) {
                if (!p.toString().endsWith("-plain.jar")) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("no target/team365-*.jar: run with BUILD=1");
    }
}
