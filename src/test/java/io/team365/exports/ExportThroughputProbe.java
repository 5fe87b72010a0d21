package io.team365.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A quick local measure of CSV export throughput against {@code COPY (select * ...) TO STDOUT} of the same contacts;
 * run with {@code -Dteam365.probe.exports=200000} (the number of contacts). Not a benchmark: bench/ has those.
 */
@EnabledIfSystemProperty(named = "team365.probe.exports", matches = "[0-9]+")
class ExportThroughputProbe extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    io.team365.contacts.ContactExports contactExports;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void csvExportAgainstRawCopy() throws Exception {
        int rows = Integer.parseInt(System.getProperty("team365.probe.exports"));
        SignedUp owner = signUpAndVerify("Export Probe Co");
        TenantId tenant = new TenantId(owner.tenantId());
        Browserless api = apiClient(owner.session());
        TenantContext.runAs(
                tenant,
                null,
                () -> jdbc.sql("""
                        insert into contacts (tenant_id, id, first_name, last_name, emails, phones, job_title, tags,
                            created_by, owner_id)
                        select ?, gen_random_uuid(), 'Zoë' || n, 'Müller-' || n,
                            jsonb_build_array(jsonb_build_object('address', 'p' || n || '@example.com', 'label', 'work',
                                'primary', true), jsonb_build_object('address', 'q' || n || '@example.org')),
                            jsonb_build_array(jsonb_build_object('number', '+4930' || n, 'label', 'mobile')),
                            'Engineer', '{a,b}', ?, ?
                        from generate_series(1, ?) n""")
                        .params(owner.tenantId(), owner.userId(), owner.userId(), rows)
                        .update());
        TenantContext.runAs(tenant, null, () -> jdbc.sql("analyze contacts").update());

        long copyNanos = TenantContext.callAs(tenant, null, () -> {
            try (Connection connection = dataSource.getConnection()) {
                long start = System.nanoTime();
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyOut(
                                "copy (select * from contacts where deleted_at is null) to stdout with csv",
                                OutputStream.nullOutputStream());
                return System.nanoTime() - start;
            }
        });

        String select = TenantContext.callAs(
                tenant,
                null,
                () -> contactExports.columns().stream()
                        .filter(io.team365.core.exporting.ExportColumn::inCsv)
                        .map(io.team365.core.exporting.ExportColumn::sql)
                        .collect(java.util.stream.Collectors.joining(", ")));
        String from = " from (select * from contacts where deleted_at is null) t left join companies co"
                + " on co.tenant_id = t.tenant_id and co.id = t.company_id";
        java.util.Map<String, String> variants = new java.util.LinkedHashMap<>();
        variants.put("export select", select);
        for (var variant : variants.entrySet()) {
            long nanos = TenantContext.callAs(tenant, null, () -> {
                try (Connection connection = dataSource.getConnection()) {
                    long begin = System.nanoTime();
                    connection
                            .unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyOut(
                                    "copy (select " + variant.getValue() + from + ") to stdout with csv",
                                    OutputStream.nullOutputStream());
                    return System.nanoTime() - begin;
                }
            });
            System.out.printf("EXPORT PROBE copy of %s=%.2fs%n", variant.getKey(), nanos / 1e9);
        }
        long readNanos = TenantContext.callAs(
                tenant,
                null,
                () -> new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status -> {
                    long begin = System.nanoTime();
                    long[] chars = {0};
                    java.util.List<io.team365.core.exporting.ExportColumn> columns = contactExports.columns().stream()
                            .filter(io.team365.core.exporting.ExportColumn::inCsv)
                            .toList();
                    io.team365.core.exporting.ExportStreams.stream(
                            dataSource,
                            columns,
                            "(select * from contacts where deleted_at is null) t"
                                    + " left join companies co on co.tenant_id = t.tenant_id and co.id = t.company_id",
                            java.util.Map.of(),
                            row -> {
                                for (int i = 0; i < columns.size(); i++) {
                                    String v = row.value(i);
                                    chars[0] += v == null ? 0 : v.length();
                                }
                            });
                    return System.nanoTime() - begin;
                }));
        System.out.printf("EXPORT PROBE jdbc read only=%.2fs%n", readNanos / 1e9);

        long start = System.nanoTime();
        HttpResponse<String> started = api.postJson("/api/v1/exports", "{\"object\":\"contacts\",\"format\":\"csv\"}");
        String id = Browserless.jsonField(started.body(), "id");
        String status;
        while (!(status = api.get("/api/v1/exports/" + id).body()).contains("\"status\":\"done\"")) {
            assertThat(status).doesNotContain("failed");
            Thread.sleep(500);
        }
        long exportNanos = System.nanoTime() - start;
        System.out.printf(
                "EXPORT PROBE rows=%d copy=%.2fs export=%.2fs ratio(copy/export)=%.2f%n",
                rows, copyNanos / 1e9, exportNanos / 1e9, (double) copyNanos / exportNanos);
    }
}
