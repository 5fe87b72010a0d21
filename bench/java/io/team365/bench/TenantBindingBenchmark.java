package io.team365.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * What binding the tenant to every connection costs: the application's DataSource (which sets app.tenant_id and
 * app.user_id on checkout and clears them on return) against the raw pool underneath it, doing the same work. The
 * baseline for a transaction sets the tenant itself with set_config(..., true), the cheapest way that is still
 * correct. Run with bench/tenancy.sh; writes bench/results/tenancy.json.
 */
class TenantBindingBenchmark extends IntegrationTest {

    private static final int WARMUP = 3_000;
    private static final int ITERATIONS = 10_000;
    private static final int ROUNDS = 5;

    @Autowired
    DataSource dataSource;

    @Test
    void measure() throws Exception {
        SignedUp client = signUpAndVerify("Bench Co");
        TenantId tenant = new TenantId(client.tenantId());
        UUID user = client.userId();
        DataSource raw = ((DelegatingDataSource) dataSource).getTargetDataSource();

        TenantContext.bind(tenant, user);
        try {
            assertThat(membershipsVisible(dataSource, tenant, false)).isEqualTo(1);
            assertThat(membershipsVisible(raw, tenant, true)).isEqualTo(1);
            List<Double> rawCheckout = new ArrayList<>();
            List<Double> boundCheckout = new ArrayList<>();
            List<Double> rawTx = new ArrayList<>();
            List<Double> boundTx = new ArrayList<>();
            List<Double> rawAnonymous = new ArrayList<>();
            List<Double> boundAnonymous = new ArrayList<>();
            run(() -> checkoutAndSelect(raw), WARMUP);
            run(() -> checkoutAndSelect(dataSource), WARMUP);
            run(() -> transactionOfFiveReads(raw, tenant, true), WARMUP);
            run(() -> transactionOfFiveReads(dataSource, tenant, false), WARMUP);
            for (int round = 0; round < ROUNDS; round++) {
                rawCheckout.add(run(() -> checkoutAndSelect(raw), ITERATIONS));
                boundCheckout.add(run(() -> checkoutAndSelect(dataSource), ITERATIONS));
                rawTx.add(run(() -> transactionOfFiveReads(raw, tenant, true), ITERATIONS));
                boundTx.add(run(() -> transactionOfFiveReads(dataSource, tenant, false), ITERATIONS));
                TenantContext.clear();
                rawAnonymous.add(run(() -> checkoutAndSelect(raw), ITERATIONS));
                boundAnonymous.add(run(() -> checkoutAndSelect(dataSource), ITERATIONS));
                TenantContext.bind(tenant, user);
            }
            double rc = median(rawCheckout), bc = median(boundCheckout), rt = median(rawTx), bt = median(boundTx);
            double ra = median(rawAnonymous), ba = median(boundAnonymous);
            String json = String.format(Locale.ROOT, """
                    {
                      "benchmark": "tenant binding on connection checkout",
                      "iterations_per_round": %d,
                      "rounds": %d,
                      "checkout_select1_us": {"raw_jdbc": %.1f, "tenant_bound": %.1f, "ratio": %.2f},
                      "checkout_select1_no_tenant_us": {"raw_jdbc": %.1f, "through_binding_datasource": %.1f, "ratio": %.2f},
                      "transaction_5_rls_reads_us": {"raw_jdbc_set_config_local": %.1f, "tenant_bound": %.1f, "ratio": %.2f}
                    }
                    """, ITERATIONS, ROUNDS, rc, bc, bc / rc, ra, ba, ba / ra, rt, bt, bt / rt);
            Path out = Path.of("bench", "results", "tenancy.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, json);
            System.out.println(json);
        } finally {
            TenantContext.clear();
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    /** Mean microseconds per operation. */
    private static double run(Work work, int times) throws SQLException {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            work.run();
        }
        return (System.nanoTime() - start) / 1_000.0 / times;
    }

    private static void checkoutAndSelect(DataSource source) throws SQLException {
        try (Connection c = source.getConnection();
                PreparedStatement s = c.prepareStatement("select 1");
                ResultSet rs = s.executeQuery()) {
            rs.next();
        }
    }

    private static void transactionOfFiveReads(DataSource source, TenantId tenant, boolean setItHere)
            throws SQLException {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            if (setItHere) {
                try (PreparedStatement set = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    set.setString(1, tenant.toString());
                    set.execute();
                }
            }
            try (PreparedStatement s = c.prepareStatement("select role from memberships where tenant_id = ?")) {
                for (int i = 0; i < 5; i++) {
                    s.setObject(1, tenant.value());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private static int membershipsVisible(DataSource source, TenantId tenant, boolean setItHere) throws SQLException {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            if (setItHere) {
                try (PreparedStatement set = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    set.setString(1, tenant.toString());
                    set.execute();
                }
            }
            try (PreparedStatement s = c.prepareStatement("select count(*) from memberships");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                int n = rs.getInt(1);
                c.commit();
                c.setAutoCommit(true);
                return n;
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

}
