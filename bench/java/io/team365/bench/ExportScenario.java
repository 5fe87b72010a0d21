package io.team365.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Locale;

/**
 * An export of every contact of the Client to CSV through the API, from the request to the last byte downloaded,
 * beside a raw {@code COPY (select …) TO STDOUT (format csv)} of the same contacts with their company names, as the
 * application role bound to the Client. Compared in rows per second.
 */
final class ExportScenario {

    static final String RAW_SQL = """
            copy (select c.id, c.first_name, c.last_name, c.emails, c.phones, c.job_title, co.name, c.tags,
                         c.source, c.address, c.custom_fields, c.created_at, c.updated_at
                  from contacts c left join companies co on co.tenant_id = c.tenant_id and co.id = c.company_id
                  where c.deleted_at is null) to stdout (format csv, header true)""";

    private ExportScenario() {}

    static String run(BenchDatabase db, String base, BenchTenant tenant) throws Exception {
        long rows = DataBenchmark.count(db, tenant.tenantId(), "select count(*) from contacts where deleted_at is null");
        System.out.println("\nexport: " + rows + " contacts to CSV");
        long start = System.nanoTime();
        long rawBytes;
        try (Connection c = db.connect(BenchDatabase.APP, tenant.tenantId())) {
            rawBytes = DataBenchmark.copyOut(c, RAW_SQL);
        }
        double rawSeconds = DataBenchmark.seconds(start);
        System.out.printf(Locale.ROOT, "  raw COPY TO STDOUT  %.1f s, %.0f MB, %.0f rows/s%n", rawSeconds,
                rawBytes / 1e6, rows / rawSeconds);

        start = System.nanoTime();
        HttpResponse<String> accepted = DataBenchmark.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/exports"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"contacts\",\"format\":\"csv\"}")),
                tenant.token());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("export refused: " + accepted.statusCode() + " " + accepted.body());
        }
        String id = BenchTenant.field(accepted.body(), "id");
        String body;
        String status;
        do {
            Thread.sleep(250);
            body = DataBenchmark.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/exports/" + id)), tenant.token())
                    .body();
            status = BenchTenant.field(body, "status");
        } while (!status.equals("done") && !status.equals("failed") && !status.equals("cancelled"));
        if (!status.equals("done")) {
            throw new IllegalStateException("the export ended " + status + ": " + body);
        }
        String url = BenchTenant.field(body, "downloadUrl");
        HttpResponse<InputStream> download =
                DataBenchmark.stream(url.startsWith("http") ? url : base + url, tenant.token());
        long bytes;
        long lines = 0;
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[1 << 16];
            bytes = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double apiSeconds = DataBenchmark.seconds(start);
        if (download.statusCode() != 200) {
            throw new IllegalStateException("download refused: " + download.statusCode());
        }
        double ratio = (rows / apiSeconds) / (rows / rawSeconds);
        System.out.printf(Locale.ROOT, "  api export  %.1f s, %.0f MB, %d lines, %.0f rows/s = %.2f of the raw rate"
                + " (goal ≥ 0.5)%n", apiSeconds, bytes / 1e6, lines, rows / apiSeconds, ratio);
        return String.format(Locale.ROOT, """
                  "export": {"what": "POST /api/v1/exports {object: contacts, format: csv} until done, then the download, %d contacts",
                    "baseline": "raw COPY (select contacts with company name) TO STDOUT (format csv) as the app role",
                    "copy_seconds": %.2f, "copy_mb": %.1f, "api_seconds": %.2f, "api_mb": %.1f, "api_lines": %d,
                    "rows_per_second_api": %.0f, "rows_per_second_copy": %.0f, "ratio_api_to_copy": %.2f, "goal_ratio": 0.5}""",
                rows, rawSeconds, rawBytes / 1e6, apiSeconds, bytes / 1e6, lines, rows / apiSeconds, rows / rawSeconds,
                ratio);
    }
}
