package io.team365.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An export whose server stopped is marked failed with a reason, in every Client; live ones are left alone. */
class InterruptedExportTests extends IntegrationTest {

    @Autowired
    TenantTransactions tenants;

    @Autowired
    io.team365.exports.internal.InterruptedExports sweep;

    @Test
    void exportsThatStoppedMovingAreMarkedFailedAndLiveOnesAreLeftAlone() {
        SignedUp alpha = signUpAndVerify("Stalled Exports Co");
        SignedUp beta = signUpAndVerify("Other Stalled Co");
        UUID stalled = insert(alpha, "running", "now() - interval '1 hour'", "now() - interval '1 hour'");
        UUID neverStarted = insert(alpha, "queued", "now() - interval '7 hours'", null);
        UUID moving = insert(alpha, "running", "now() - interval '1 hour'", "now() - interval '30 seconds'");
        UUID waiting = insert(alpha, "queued", "now() - interval '5 minutes'", null);
        UUID otherClients = insert(beta, "running", "now() - interval '2 hours'", "now() - interval '2 hours'");

        assertThat(sweep.markFailed()).isGreaterThanOrEqualTo(3);

        assertThat(status(alpha, stalled)).isEqualTo("failed");
        assertThat(status(alpha, neverStarted)).isEqualTo("failed");
        assertThat(status(alpha, moving)).isEqualTo("running");
        assertThat(status(alpha, waiting)).isEqualTo("queued");
        assertThat(status(beta, otherClients)).isEqualTo("failed");
        var shown = apiClient(alpha.session()).get("/api/v1/exports/" + stalled);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(alpha.session().page("/exports/" + stalled).body())
                .contains("The server stopped while this export ran. Please export again.");
        assertThat(shown.body()).contains("\"status\":\"failed\"", "\"errorCode\":\"exports.error.interrupted\"");
    }

    private UUID insert(SignedUp who, String status, String createdAt, String progressAt) {
        UUID id = UUID.randomUUID();
        tenants.run(
                new TenantId(who.tenantId()),
                who.userId(),
                () -> jdbc.sql("""
                        insert into exports (tenant_id, id, created_by, object, format, status, created_at,
                            started_at, progress_at)
                        values (?, ?, ?, 'contacts', 'csv', ?, %s, %s, %s)""".formatted(createdAt, progressAt == null ? "null" : createdAt, progressAt))
                        .params(who.tenantId(), id, who.userId(), status)
                        .update());
        return id;
    }

    private String status(SignedUp who, UUID id) {
        return tenants.call(
                new TenantId(who.tenantId()),
                who.userId(),
                () -> jdbc.sql("select status from exports where id = ?")
                        .param(id)
                        .query(String.class)
                        .single());
    }
}
