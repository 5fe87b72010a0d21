package io.team365.bench;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The import of the generated file through the API, from the upload to the last committed batch, beside a raw
 * {@code COPY} of the same file into an unindexed staging table of text columns (no parsing by Java, no checks, no
 * indexes, no triggers), and beside {@link ImportFloor}: what storing the same people as searchable contacts costs
 * at the least.
 */
final class ImportScenario {

    private ImportScenario() {}

    static String run(BenchDatabase db, String base, BenchTenant tenant, Path file) throws Exception {
        System.out.println("\nimport: " + file);
        double copySeconds = rawCopy(db, tenant.tenantId(), file);
        System.out.printf(Locale.ROOT, "  raw COPY into a staging table  %.1f s%n", copySeconds);
        ImportFloor.Result floor = ImportFloor.measure(db, tenant.tenantId(), file);
        System.out.printf(Locale.ROOT,
                "  floor (rolled back): COPY %.1f s + rows into a temporary contacts %.1f s + its indexes %.1f s"
                        + " + search indexes %.1f s = %.1f s, %.1fx the raw COPY%n",
                floor.copy(), floor.rows(), floor.contactIndexes(), floor.searchIndexes(), floor.total(),
                floor.total() / copySeconds);

        long start = System.nanoTime();
        String boundary = "bench" + UUID.randomUUID();
        String head = part(boundary, "object", "contacts") + part(boundary, "onDuplicate", "skip")
                + part(boundary, "defaultRegion", "DE")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(base + "/api/v1/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")));
        HttpResponse<String> accepted = DataBenchmark.send(upload, tenant.token());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + accepted.statusCode() + " " + accepted.body());
        }
        double uploadSeconds = DataBenchmark.seconds(start);
        String id = BenchTenant.field(accepted.body(), "id");
        System.out.printf(Locale.ROOT, "  uploaded in %.1f s, import %s%n", uploadSeconds, id);
        String status;
        String body;
        long lastPrint = 0;
        do {
            Thread.sleep(500);
            body = DataBenchmark.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id)), tenant.token())
                    .body();
            status = BenchTenant.field(body, "status");
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                System.out.println("  " + body);
                lastPrint = System.nanoTime();
            }
        } while (!status.equals("done") && !status.equals("failed") && !status.equals("cancelled"));
        double importSeconds = DataBenchmark.seconds(start);
        System.out.println("  " + body);
        if (!status.equals("done")) {
            throw new IllegalStateException("the import ended " + status + ": " + body);
        }
        long contacts = DataBenchmark.count(db, tenant.tenantId(), "select count(*) from contacts");
        long repeatedEmails = DataBenchmark.count(db, tenant.tenantId(), """
                select count(*) from (select key from record_keys where kind = 'email' and record_type = 'contact'
                group by key having count(*) > 1) repeated""");
        double ratio = importSeconds / copySeconds;
        System.out.printf(Locale.ROOT,
                "  import %.1f s (%.0f rows/s) = %.2fx the raw COPY; %d contacts stored, %d emails on two contacts%n",
                importSeconds, lineCount(body) / importSeconds, ratio, contacts, repeatedEmails);
        return String.format(Locale.ROOT, """
                  "import": {"what": "POST /api/v1/imports of the generated contacts CSV (onDuplicate=skip, defaultRegion=DE) until done, upload included",
                    "baseline": "raw COPY of the same file into an unindexed staging table of text columns",
                    "copy_seconds": %.2f, "upload_seconds": %.2f, "import_seconds": %.2f, "ratio_import_to_copy": %.2f, "goal_ratio": 3.0,
                    "floor": {"what": "the same rows inserted into a temporary copy of contacts (no WAL, policies, triggers or checks), its indexes and the contact search indexes then built in bulk; rolled back",
                      "seconds": %s, "ratio_floor_to_copy": %.2f, "ratio_import_to_floor": %.2f},
                    "rows_per_second": %.0f, "report": %s, "contacts_stored": %d, "emails_on_two_contacts": %d}""",
                copySeconds, uploadSeconds, importSeconds, ratio, floor.json(), floor.total() / copySeconds,
                importSeconds / floor.total(), lineCount(body) / importSeconds, body.strip(),
                contacts, repeatedEmails);
    }

    private static long lineCount(String statusJson) {
        return DataBenchmark.number(statusJson, "total");
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static double rawCopy(BenchDatabase db, UUID tenant, Path file) throws Exception {
        try (Connection c = db.connect(BenchDatabase.OWNER, tenant);
                Statement s = c.createStatement()) {
            StringBuilder columns = new StringBuilder();
            for (int i = 0; i < ImportFile.HEADER.size(); i++) {
                columns.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
            }
            s.execute("drop table if exists bench_import_baseline");
            s.execute("create table bench_import_baseline (" + columns + ")");
            long start = System.nanoTime();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy bench_import_baseline from stdin (format csv, header true)", in);
            }
            double seconds = DataBenchmark.seconds(start);
            s.execute("drop table bench_import_baseline");
            return seconds;
        }
    }
}
