package io.team365.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.core.TenantId;
import io.team365.core.exporting.ExportColumn;
import io.team365.core.exporting.ExportStreams;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A writer that stops in the middle of an export (a cancel, a full disk): the error is the writer's (not one of the
 * connection's), no more rows reach it, and the pooled connections work afterwards, still bound to the Client's rows
 * only, with no COPY left running.
 */
class StoppedExportStreamTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aWriterThatStopsStopsTheCopyAndLeavesTheConnectionUsable() {
        SignedUp owner = signUpAndVerify("Stopped Stream Co");
        SignedUp other = signUpAndVerify("Other Stream Co");
        TenantId tenant = new TenantId(owner.tenantId());
        TenantContext.runAs(
                tenant,
                null,
                () -> jdbc.sql("""
                        insert into contacts (tenant_id, id, first_name, last_name, created_by, owner_id)
                        select ?, gen_random_uuid(), 'Row', 'Number ' || n, ?, ? from generate_series(1, 30000) n""")
                        .params(owner.tenantId(), owner.userId(), owner.userId())
                        .update());
        TenantContext.runAs(
                new TenantId(other.tenantId()),
                null,
                () -> jdbc.sql("""
                        insert into contacts (tenant_id, id, first_name, created_by)
                        values (?, gen_random_uuid(), 'Elsewhere', ?)""").params(other.tenantId(), other.userId()).update());
        List<ExportColumn> columns =
                List.of(ExportColumn.id("id", "t.id"), ExportColumn.text("lastName", "t.last_name"));
        String from = "(select * from contacts where deleted_at is null and first_name = :first) t";
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        RuntimeException full = new IllegalStateException("the disk is full");
        long[] seen = {0};
        assertThatThrownBy(() -> TenantContext.runAs(
                        tenant,
                        owner.userId(),
                        () -> readOnly.executeWithoutResult(
                                s -> ExportStreams.stream(dataSource, columns, from, Map.of("first", "Row"), row -> {
                                    if (++seen[0] == 10) {
                                        throw full;
                                    }
                                }))))
                .isSameAs(full);
        assertThat(seen[0]).isEqualTo(10);

        for (int i = 0; i < 12; i++) {
            // more times than the pool has connections: every one of them answers, bound to the Client
            long[] rows = {0};
            boolean[] elsewhere = {false};
            TenantContext.runAs(
                    tenant,
                    owner.userId(),
                    () -> readOnly.executeWithoutResult(s -> ExportStreams.stream(
                            dataSource,
                            columns,
                            "(select * from contacts where deleted_at is null) t",
                            Map.of(),
                            row -> {
                                rows[0]++;
                                elsewhere[0] |= row.value(1) == null;
                            })));
            assertThat(rows[0]).isEqualTo(30_000);
            assertThat(elsewhere[0])
                    .as("the other Client's contact has no last name")
                    .isFalse();
        }
        assertThat(TenantContext.callAs(
                        tenant,
                        null,
                        () -> jdbc.sql(
                                        "select count(*) from pg_stat_activity where state = 'active' and query like 'copy (%'")
                                .query(Long.class)
                                .single()))
                .isZero();
    }
}
