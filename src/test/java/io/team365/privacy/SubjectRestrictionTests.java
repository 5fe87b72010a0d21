package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.privacy.internal.SubjectData;
import io.team365.privacy.internal.SubjectRecords;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import io.team365.tenancy.TenantTransactions;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Restriction stops every change but keeps reads; objection withdraws every purpose, now and later. */
class SubjectRestrictionTests extends IntegrationTest {

    @Autowired
    SubjectData subjects;

    @Autowired
    TenantTransactions tenants;

    @Autowired
    SubjectObjections objections;

    @Autowired
    io.team365.tenancy.internal.TrashPurge trash;

    @Test
    void aRestrictedContactOrLeadIsReadableButRefusesEveryChangeUntilLifted() {
        SignedUp owner = signUpAndVerify("Restriction Co");
        Joined member = inviteAndJoin(owner, "member");
        Browserless api = owner.session();
        String email = uniqueEmail("restricted");
        String contact = id(api.postJson(
                "/api/v1/contacts", "{\"firstName\":\"Rhea\",\"emails\":[{\"address\":\"" + email + "\"}]}"));
        String lead = id(
                api.postJson("/api/v1/leads", "{\"firstName\":\"Rhea\",\"emails\":[{\"address\":\"" + email + "\"}]}"));
        String free = id(api.postJson("/api/v1/contacts", "{\"firstName\":\"Fern\"}"));
        TenantId tenant = new TenantId(owner.tenantId());
        UUID request = UUID.randomUUID();
        tenants.run(tenant, owner.userId(), () -> {
            assertThat(subjects.find(tenant, null).isEmpty()).isTrue();
            assertThat(subjects.find(tenant, "  ").isEmpty()).isTrue();
            assertThat(subjects.find(tenant, "no at sign").isEmpty()).isTrue();
            assertThat(subjects.find(tenant, uniqueEmail("nobody")).isEmpty()).isTrue();
            SubjectRecords found = subjects.find(tenant, " " + email.toUpperCase() + " ");
            assertThat(found.contactIds()).containsExactly(UUID.fromString(contact));
            assertThat(found.leadIds()).containsExactly(UUID.fromString(lead));
            subjects.restrict(tenant, found, request);
        });
        SignedUp stranger = signUpAndVerify("Restriction Stranger Co");
        TenantId strangers = new TenantId(stranger.tenantId());
        assertThat(tenants.call(
                        strangers,
                        stranger.userId(),
                        () -> subjects.find(strangers, email).isEmpty()))
                .as("another Client finds nothing")
                .isTrue();
        assertThat(stranger.session()
                        .get("/api/v1/privacy/restrictions/contact/" + contact)
                        .statusCode())
                .isEqualTo(404);

        assertThat(api.get("/api/v1/contacts/" + contact).statusCode())
                .as("reads stay")
                .isEqualTo(200);
        HttpResponse<String> edit = api.patchJson("/api/v1/contacts/" + contact, "{\"jobTitle\":\"CEO\"}");
        assertThat(edit.statusCode()).isEqualTo(409);
        assertThat(edit.body())
                .contains("restricted at the request of the person")
                .contains("\"field\":\"restricted\"");
        assertThat(api.delete("/api/v1/contacts/" + contact).statusCode())
                .as("no trashing")
                .isEqualTo(409);
        assertThat(api.patchJson("/api/v1/leads/" + lead, "{\"jobTitle\":\"CEO\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(api.postJson("/api/v1/leads/" + lead + "/convert", "{}").statusCode())
                .as("no conversion")
                .isEqualTo(409);
        HttpResponse<String> bulk = api.postJson(
                "/api/v1/contacts/bulk",
                "{\"action\":\"add-tag\",\"tag\":\"vip\",\"ids\":[\"" + contact + "\",\"" + free + "\"]}");
        assertThat(bulk.body()).as(bulk.body()).contains("\"changed\":1").contains(contact);
        TenantContext.runAs(
                tenant,
                null,
                () -> assertThat(jdbc.sql(
                                        "select job_title is null and tags = '{}' from contacts where id = cast(:id as uuid)")
                                .param("id", contact)
                                .query(Boolean.class)
                                .single())
                        .as("nothing changed")
                        .isTrue());
        assertThat(api.page("/contacts/" + contact).body())
                .contains("Processing restricted at the request of the person");
        assertThat(api.page("/contacts/" + free).body())
                .doesNotContain("Processing restricted at the request of the person");
        assertThat(api.page("/leads/" + lead).body()).contains("Processing restricted at the request of the person");
        assertThat(api.get("/api/v1/privacy/restrictions/contact/" + contact).body())
                .contains("\"restricted\":true");
        assertThat(api.get("/api/v1/audit?recordId=" + contact).body()).contains("subject.restricted");

        assertThat(member.session()
                        .delete("/api/v1/privacy/restrictions/contact/" + contact)
                        .statusCode())
                .as("admins only")
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/privacy/restrictions/deal/" + contact).statusCode())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/privacy/restrictions/contact/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/privacy/restrictions/contact/not-an-id").statusCode())
                .isEqualTo(400);
        assertThat(api.delete("/api/v1/privacy/restrictions/contact/" + contact).statusCode())
                .isEqualTo(204);
        assertThat(api.delete("/api/v1/privacy/restrictions/contact/" + contact).statusCode())
                .as("lifted already")
                .isEqualTo(404);
        assertThat(api.patchJson("/api/v1/contacts/" + contact, "{\"jobTitle\":\"CEO\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.patchJson("/api/v1/leads/" + lead, "{\"jobTitle\":\"CEO\"}")
                        .statusCode())
                .as("the lead stays restricted")
                .isEqualTo(409);

        // lifting from the page: the button is an admin's, a member sees only the banner
        assertThat(api.page("/leads/" + lead).body()).contains("Lift the restriction");
        assertThat(member.session().page("/leads/" + lead).body())
                .contains("Processing restricted at the request of the person")
                .doesNotContain("Lift the restriction");
        assertThat(member.session()
                        .postForm("/privacy/restrictions/lead/" + lead + "/lift", java.util.Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.postForm("/privacy/restrictions/deal/" + lead + "/lift", java.util.Map.of())
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> lifted = api.postForm("/privacy/restrictions/lead/" + lead + "/lift", java.util.Map.of());
        assertThat(lifted.statusCode()).isEqualTo(302);
        assertThat(lifted.headers().firstValue("Location").orElse("")).endsWith("/leads/" + lead);
        assertThat(api.page("/leads/" + lead).body()).doesNotContain("Processing restricted");
        assertThat(api.patchJson("/api/v1/leads/" + lead, "{\"jobTitle\":\"CEO\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anObjectionWithdrawsEveryPurposeAndPurposesAddedLaterStartWithdrawn() {
        SignedUp owner = signUpAndVerify("Objection Co");
        Browserless api = owner.session();
        String email = uniqueEmail("objecting");
        String contact = id(api.postJson(
                "/api/v1/contacts", "{\"firstName\":\"Otto\",\"emails\":[{\"address\":\"" + email + "\"}]}"));
        String bystander = id(api.postJson("/api/v1/contacts", "{\"firstName\":\"Bea\"}"));
        for (String purpose : new String[] {"newsletter", "email-tracking"}) {
            api.postJson(
                    "/api/v1/consents",
                    "{\"contactId\":\"" + contact + "\",\"purpose\":\"" + purpose
                            + "\",\"granted\":true,\"method\":\"form\"}");
        }
        TenantId tenant = new TenantId(owner.tenantId());
        tenants.run(tenant, owner.userId(), () -> {
            SubjectRecords subject = subjects.find(tenant, email);
            subjects.object(tenant, subject, UUID.randomUUID());
        });

        String state = api.get("/api/v1/contacts/" + contact + "/consents").body();
        String current = state.substring(state.indexOf("\"current\""), state.indexOf("\"history\""));
        for (String purpose :
                new String[] {"newsletter", "product-updates", "email-tracking", "event-updates", "partner-sharing"}) {
            assertThat(current).contains("\"purpose\":\"" + purpose + "\",\"granted\":false,\"method\":\"api\"");
        }
        assertThat(current).doesNotContain("\"granted\":true").contains("\"note\":\"objection\"");
        assertThat(api.get("/api/v1/audit?recordId=" + contact).body()).contains("subject.objected");

        HttpResponse<String> added =
                api.postJson("/api/v1/consent-purposes", "{\"key\":\"webinars\",\"label\":\"Webinars\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/contacts/" + contact + "/consents").body())
                .contains("\"purpose\":\"webinars\",\"granted\":false");
        assertThat(api.get("/api/v1/contacts/" + bystander + "/consents").body())
                .as("only objectors")
                .doesNotContain("webinars");
        assertThat(tenants.call(tenant, null, () -> objections.hasObjected(UUID.fromString(contact))))
                .isTrue();
        assertThat(tenants.call(tenant, null, () -> objections.hasObjected(UUID.fromString(bystander))))
                .isFalse();
    }

    @Test
    void aRestrictedRecordInTheTrashIsKeptWhenTheTrashIsPurged() {
        SignedUp owner = signUpAndVerify("Restricted Trash Co");
        Browserless api = owner.session();
        String email = uniqueEmail("kept");
        String kept = id(api.postJson(
                "/api/v1/contacts", "{\"firstName\":\"Kim\",\"emails\":[{\"address\":\"" + email + "\"}]}"));
        String purged = id(api.postJson("/api/v1/contacts", "{\"firstName\":\"Pat\"}"));
        assertThat(api.delete("/api/v1/contacts/" + kept).statusCode()).isEqualTo(204);
        assertThat(api.delete("/api/v1/contacts/" + purged).statusCode()).isEqualTo(204);
        TenantId tenant = new TenantId(owner.tenantId());
        tenants.run(tenant, owner.userId(), () -> subjects.restrict(tenant, subjects.find(tenant, email), null));

        clock.advance(java.time.Duration.ofDays(31));
        try {
            trash.purge(tenant);
        } finally {
            clock.reset();
        }
        List<UUID> left = tenants.call(
                tenant,
                null,
                () -> jdbc.sql("select id from contacts").query(UUID.class).list());
        assertThat(left).contains(UUID.fromString(kept)).doesNotContain(UUID.fromString(purged));
    }

    private static String id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Browserless.jsonField(response.body(), "id");
    }
}
