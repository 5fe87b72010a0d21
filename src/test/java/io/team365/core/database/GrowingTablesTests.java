package io.team365.core.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.team365.core.TenantId;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application may have PostgreSQL analyse a tenant table a bulk write has grown (ADR 0035), through a function
 * that does so only once the table has changed by more rows than it held, and never for other tables.
 */
class GrowingTablesTests extends IntegrationTest {

    @Autowired
    GrowingTables growing;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aTenantTableIsAnalysedOnceItHasGrownAndNotAgainUntilItGrowsAgain() {
        TenantId tenant = new TenantId(UUID.randomUUID());
        Instant before = Instant.now().minusSeconds(1);
        TenantContext.runAs(
                tenant,
                null,
                () -> transactions.executeWithoutResult(status -> {
                    jdbc.sql("""
                            insert into mail_orphan_blobs (tenant_id, storage_key)
                            select :tenant, 'growing-' || n from generate_series(1, 3000) n
                            """).param("tenant", tenant.value()).update();
                    // the insert's counts reach the shared statistics at its commit, not a second or more later
                    jdbc.sql("select pg_stat_force_next_flush()").query().singleValue();
                }));
        try {
            // the statistics of the insert reach the shared counters within seconds of its commit
            List<String> analysed = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        analysed.addAll(growing.analyzeIfGrown("mail_orphan_blobs", "flyway_schema_history"));
                        return !analysed.isEmpty();
                    });
            assertThat(analysed).containsExactly("mail_orphan_blobs");
            assertThat(lastAnalysed("mail_orphan_blobs")).isAfter(before);

            // analysed just now: not again until it grows by as much as it holds
            assertThat(growing.analyzeIfGrown("mail_orphan_blobs")).isEmpty();
        } finally {
            TenantContext.runAs(
                    tenant,
                    null,
                    () -> jdbc.sql("delete from mail_orphan_blobs where tenant_id = :tenant")
                            .param("tenant", tenant.value())
                            .update());
        }
    }

    @Test
    void tablesWithoutTenantIsolationAreNeverAnalysed() {
        assertThat(growing.analyzeIfGrown("flyway_schema_history", "pg_class", "no_such_table"))
                .isEmpty();
    }

    private Instant lastAnalysed(String table) {
        Timestamp at = jdbc.sql("""
                        select last_analyze from pg_stat_user_tables
                        where relname = :table
                        """)
                .param("table", table)
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        return at == null ? Instant.EPOCH : at.toInstant();
    }
}
