package io.team365.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import io.team365.tenancy.internal.TrashPurge;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TrashPurgeTests extends IntegrationTest {

    @Autowired
    TrashPurge purge;

    @Test
    void contactsLeaveTheTrashForGoodAfterThirtyDays() {
        SignedUp owner = signUpAndVerify("Purge Co");
        String old = Browserless.jsonField(
                owner.session()
                        .postJson("/api/v1/contacts", "{\"firstName\":\"Old\"}")
                        .body(),
                "id");
        String recent = Browserless.jsonField(
                owner.session()
                        .postJson("/api/v1/contacts", "{\"firstName\":\"Recent\"}")
                        .body(),
                "id");
        String kept = Browserless.jsonField(
                owner.session()
                        .postJson("/api/v1/contacts", "{\"firstName\":\"Kept\"}")
                        .body(),
                "id");
        owner.session().delete("/api/v1/contacts/" + old);
        owner.session().delete("/api/v1/contacts/" + recent);
        TenantId tenant = new TenantId(owner.tenantId());
        TenantContext.runAs(
                tenant,
                null,
                () -> jdbc.sql("update contacts set deleted_at = now() - interval '31 days' where id = ?")
                        .param(UUID.fromString(old))
                        .update());

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> owner.session()
                        .get("/api/v1/contacts/" + old + "/timeline")
                        .body()
                        .contains("trashed"));

        purge.purgeExpired();

        assertThat(owner.session().get("/api/v1/contacts/" + old).statusCode()).isEqualTo(404);
        assertThat(owner.session().get("/api/v1/contacts/" + recent).statusCode())
                .as("still restorable")
                .isEqualTo(200);
        assertThat(owner.session().get("/api/v1/contacts/" + kept).statusCode()).isEqualTo(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> TenantContext.callAs(
                                tenant,
                                null,
                                () -> jdbc.sql("select count(*) from timeline_entries where record_id = ?")
                                        .param(UUID.fromString(old))
                                        .query(Integer.class)
                                        .single())
                        == 0);
    }
}
