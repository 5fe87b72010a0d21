package io.team365.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Merging contacts: every related item moves to the survivor, the merged one is gone, and the audit keeps it. */
class ContactMergeTests extends IntegrationTest {

    @Autowired
    TenantTransactions tenants;

    @Test
    void mergeMovesEveryRelatedItemAndKeepsTheAudit() {
        SignedUp owner = signUpAndVerify("Merge Co");
        Browserless api = owner.session();
        TenantId tenant = new TenantId(owner.tenantId());
        String email = uniqueEmail("mara");
        String other = uniqueEmail("mara.work");
        String survivor = id(api.postJson("/api/v1/contacts", """
                {"firstName":"Mara","lastName":"Quist","emails":[{"address":"%s"}],"tags":["vip"]}""".formatted(email)));
        String loser = id(api.postJson("/api/v1/contacts", """
                {"firstName":"M.","lastName":"Quist","jobTitle":"Buyer","emails":[{"address":"%s"},
                 {"address":"%s"}],"phones":[{"number":"+44 20 7946 0001"}],"tags":["renewal","VIP"]}""".formatted(email.toUpperCase(), other)));
        String bystander = id(api.postJson("/api/v1/contacts", "{\"firstName\":\"Bystander\"}"));
        String lead = id(api.postJson("/api/v1/leads", """
                {"firstName":"Mara","lastName":"Quist","status":"qualified","emails":[{"address":"%s"}]}""".formatted(other)));
        HttpResponse<String> converted = api.postJson("/api/v1/leads/" + lead + "/convert", "{}");
        assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
        String fromLead = Browserless.jsonField(converted.body(), "contactId");

        // related items of the loser, in every module that keeps some
        String activity = id(api.postJson("/api/v1/activities", """
                {"type":"note","subject":"Met at the fair","links":[{"type":"contact","id":"%s"}]}""".formatted(loser)));
        String both = id(api.postJson("/api/v1/activities", """
                {"type":"call","subject":"Call both","links":[{"type":"contact","id":"%s"},
                 {"type":"contact","id":"%s"}]}""".formatted(survivor, loser)));
        String deal = id(api.postJson("/api/v1/deals", "{\"name\":\"Renewal\",\"contactIds\":[\"" + loser + "\"]}"));
        String sharedDeal = id(api.postJson(
                "/api/v1/deals", "{\"name\":\"Shared\",\"contactIds\":[\"" + survivor + "\",\"" + loser + "\"]}"));
        assertThat(api.postJson("/api/v1/consents", """
                        {"contactId":"%s","purpose":"newsletter","granted":true,"method":"form",
                         "policyVersion":"2026-11","evidence":{"page":"/signup"}}""".formatted(loser)).statusCode())
                .isEqualTo(201);
        UUID attachment = UUID.randomUUID();
        tenants.run(
                tenant,
                owner.userId(),
                () -> jdbc.sql("""
                        insert into attachments (tenant_id, id, record_type, record_id, file_name, content_type, size,
                            sha256, storage_key)
                        values (?, ?, 'contact', ?, 'offer.pdf', 'application/pdf', 3, repeat('a', 64), 'k')
                        """)
                        .params(owner.tenantId(), attachment, UUID.fromString(loser))
                        .update());
        tenants.run(
                tenant,
                owner.userId(),
                () -> jdbc.sql("insert into subject_objections (tenant_id, contact_id) values (?, ?)")
                        .params(owner.tenantId(), UUID.fromString(loser))
                        .update());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> count(tenant, owner, "timeline_entries", "record_id", loser) > 0);
        assertThat(count(tenant, owner, "value_sources", "record_id", loser)).isPositive();

        HttpResponse<String> merged = api.postJson("/api/v1/contacts/" + survivor + "/merge", """
                {"mergeIds":["%s","%s"],"versions":{"%s":%d,"%s":%d,"%s":%d},
                 "fields":{"jobTitle":"%s","firstName":"%s"}}""".formatted(
                        loser,
                        fromLead,
                        survivor,
                        version(api, survivor),
                        loser,
                        version(api, loser),
                        fromLead,
                        version(api, fromLead),
                        loser,
                        survivor));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(merged.body())
                .contains("\"id\":\"" + survivor + "\"", "\"firstName\":\"Mara\"", "\"jobTitle\":\"Buyer\"")
                .contains(email, other, "+44 20 7946 0001")
                .contains("\"tags\":[\"vip\",\"renewal\"]")
                .contains("\"version\":2");
        assertThat(merged.body().indexOf(email))
                .as("one address, not two")
                .isEqualTo(merged.body().lastIndexOf(email));

        // the merged contact is gone, its old id leads to the survivor
        assertThat(api.get("/api/v1/contacts/" + loser).statusCode()).isEqualTo(404);
        assertThat(count(tenant, owner, "contacts", "id", loser)).isZero();
        HttpResponse<String> old = api.page("/contacts/" + loser);
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/contacts/" + survivor);
        assertThat(api.page("/contacts/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

        // every table that names a contact: nothing left on the merged id
        for (String[] table : new String[][] {
            {"activity_links", "record_id"},
            {"attachments", "record_id"},
            {"deal_contacts", "contact_id"},
            {"consent_events", "contact_id"},
            {"subject_objections", "contact_id"},
            {"value_sources", "record_id"},
            {"timeline_entries", "record_id"},
            {"record_keys", "record_id"},
            {"search_entries", "record_id"},
            {"search_terms", "record_id"},
            {"processing_restrictions", "record_id"},
            {"leads", "converted_contact_id"}
        }) {
            assertThat(count(tenant, owner, table[0], table[1], loser))
                    .as(table[0] + " still names the merged contact")
                    .isZero();
        }
        assertThat(count(tenant, owner, "activity_links", "record_id", survivor))
                .as("both activities, the shared one linked once")
                .isEqualTo(2);
        assertThat(tenants.call(
                        tenant,
                        owner.userId(),
                        () -> jdbc.sql("select count(*) from activity_links where activity_id in (?, ?)")
                                .params(UUID.fromString(activity), UUID.fromString(both))
                                .query(Long.class)
                                .single()))
                .isEqualTo(2);
        assertThat(count(tenant, owner, "deal_contacts", "contact_id", survivor))
                .isEqualTo(2);
        assertThat(api.get("/api/v1/deals/" + deal).body()).contains(survivor);
        assertThat(api.get("/api/v1/deals/" + sharedDeal).body()).contains("\"contactIds\":[\"" + survivor + "\"]");
        assertThat(count(tenant, owner, "attachments", "record_id", survivor)).isEqualTo(1);
        assertThat(count(tenant, owner, "subject_objections", "contact_id", survivor))
                .isEqualTo(1);
        assertThat(tenants.call(
                        tenant,
                        owner.userId(),
                        () -> jdbc.sql("select evidence->>'mergedFrom' from consent_events where contact_id = ?")
                                .param(UUID.fromString(survivor))
                                .query(String.class)
                                .list()))
                .as("the loser's consent recorded again for the survivor, saying where it came from")
                .containsExactly(loser);
        assertThat(api.get("/api/v1/contacts/" + survivor + "/consents").body())
                .contains("\"purpose\":\"newsletter\",\"granted\":true");
        assertThat(tenants.call(
                        tenant,
                        owner.userId(),
                        () -> jdbc.sql("select count(*) from value_sources where record_id = ? and field = 'jobTitle'")
                                .param(UUID.fromString(survivor))
                                .query(Long.class)
                                .single()))
                .as("the job title came from the loser, and so does its source")
                .isEqualTo(1);
        assertThat(tenants.call(
                        tenant,
                        owner.userId(),
                        () -> jdbc.sql("select count(*) from record_keys where record_id = ? and kind = 'email'")
                                .param(UUID.fromString(survivor))
                                .query(Long.class)
                                .single()))
                .isEqualTo(2);
        assertThat(count(tenant, owner, "contacts", "id", bystander)).isEqualTo(1);
        assertThat(count(tenant, owner, "contacts", "id", fromLead)).isZero();
        assertThat(api.get("/api/v1/leads/" + lead).body())
                .as("the converted lead names the contact it now is")
                .contains("\"convertedContactId\":\"" + survivor + "\"");
        assertThat(count(tenant, owner, "leads", "converted_contact_id", fromLead))
                .isZero();

        // the audit: ids only, no names or addresses
        String audit = tenants.call(
                tenant,
                owner.userId(),
                () -> jdbc.sql("select action || ' ' || target_id || ' ' || details::text from audit_events"
                                + " where action in ('contact.merged', 'contact.merged-into') order by action")
                        .query(String.class)
                        .list()
                        .toString());
        assertThat(audit)
                .contains("contact.merged " + survivor, loser, fromLead)
                .contains("contact.merged-into " + loser, survivor)
                .doesNotContain("Mara", "Quist", email, "Buyer");
        String timeline = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.page("/contacts/" + survivor + "/timeline").body(),
                        body -> body.contains("merged a duplicate into this contact"));
        assertThat(timeline).as("the merged contact's history came along").contains("created the contact");
        assertThat(count(tenant, owner, "timeline_entries", "record_id", survivor))
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void badMergesAreRefusedAndChangeNothing() {
        SignedUp owner = signUpAndVerify("Bad Merge Co");
        SignedUp stranger = signUpAndVerify("Merge Stranger Co");
        Joined member = inviteAndJoin(owner, "member");
        Browserless api = owner.session();
        TenantId tenant = new TenantId(owner.tenantId());
        String a = id(api.postJson("/api/v1/contacts", "{\"firstName\":\"Ann\"}"));
        String b = id(api.postJson("/api/v1/contacts", "{\"firstName\":\"Anne\"}"));
        String theirs = id(stranger.session().postJson("/api/v1/contacts", "{\"firstName\":\"Secret\"}"));
        String path = "/api/v1/contacts/" + a + "/merge";
        String versions = "\"versions\":{\"%s\":1,\"%s\":1}".formatted(a, b);

        assertProblem(api.postJson(path, "{\"mergeIds\":[]," + versions + "}"), 400, "mergeIds");
        assertProblem(api.postJson(path, "{\"mergeIds\":[\"" + a + "\"]," + versions + "}"), 400, "mergeIds");
        assertProblem(
                api.postJson(path, "{\"mergeIds\":[\"" + b + "\",\"" + b + "\"]," + versions + "}"), 400, "mergeIds");
        StringBuilder five = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            five.append(i == 0 ? "" : ",").append('"').append(UUID.randomUUID()).append('"');
        }
        assertProblem(api.postJson(path, "{\"mergeIds\":[" + five + "]," + versions + "}"), 400, "mergeIds");
        assertProblem(api.postJson(path, "{\"mergeIds\":[\"" + b + "\"]}"), 400, "versions");
        assertProblem(
                api.postJson(
                        path, "{\"mergeIds\":[\"" + b + "\"]," + versions + ",\"fields\":{\"colour\":\"" + a + "\"}}"),
                400,
                "fields.colour");
        assertProblem(
                api.postJson(
                        path,
                        "{\"mergeIds\":[\"" + b + "\"]," + versions + ",\"fields\":{\"firstName\":\""
                                + UUID.randomUUID() + "\"}}"),
                400,
                "fields.firstName");
        UUID unknown = UUID.randomUUID();
        assertThat(api.postJson(
                                path,
                                "{\"mergeIds\":[\"%s\"],\"versions\":{\"%s\":1,\"%s\":1}}"
                                        .formatted(unknown, a, unknown))
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> foreign = api.postJson(
                path, "{\"mergeIds\":[\"%s\"],\"versions\":{\"%s\":1,\"%s\":1}}".formatted(theirs, a, theirs));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Secret");
        assertThat(stranger.session()
                        .postJson(
                                "/api/v1/contacts/" + theirs + "/merge",
                                "{\"mergeIds\":[\"%s\"],\"versions\":{\"%s\":1,\"%s\":1}}".formatted(a, theirs, a))
                        .statusCode())
                .as("nor the other way round")
                .isEqualTo(404);

        api.patchJson("/api/v1/contacts/" + b, "{\"lastName\":\"Changed\"}");
        HttpResponse<String> stale = api.postJson(path, "{\"mergeIds\":[\"" + b + "\"]," + versions + "}");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);

        tenants.run(
                tenant,
                owner.userId(),
                () -> jdbc.sql(
                                "insert into processing_restrictions (tenant_id, record_type, record_id) values (?, 'contact', ?)")
                        .params(owner.tenantId(), UUID.fromString(b))
                        .update());
        HttpResponse<String> restricted =
                api.postJson(path, "{\"mergeIds\":[\"%s\"],\"versions\":{\"%s\":1,\"%s\":2}}".formatted(b, a, b));
        assertThat(restricted.statusCode()).as(restricted.body()).isEqualTo(409);
        tenants.run(
                tenant,
                owner.userId(),
                () -> jdbc.sql("delete from processing_restrictions where record_id = ?")
                        .param(UUID.fromString(b))
                        .update());

        // "members see their own records": a member cannot merge a contact they cannot see
        assertThat(owner.session()
                        .postForm("/settings/client/visibility", Map.of("recordVisibility", "own"))
                        .statusCode())
                .isEqualTo(302);
        String mine = id(member.session().postJson("/api/v1/contacts", "{\"firstName\":\"Mine\"}"));
        HttpResponse<String> notVisible = member.session()
                .postJson(
                        "/api/v1/contacts/" + mine + "/merge",
                        "{\"mergeIds\":[\"%s\"],\"versions\":{\"%s\":1,\"%s\":2}}".formatted(b, mine, b));
        assertThat(notVisible.statusCode()).as(notVisible.body()).isEqualTo(404);
        assertThat(member.session()
                        .page("/contacts/merge?ids=" + mine + "," + b)
                        .statusCode())
                .isEqualTo(404);

        assertThat(count(tenant, owner, "contacts", "id", a)).isEqualTo(1);
        assertThat(count(tenant, owner, "contacts", "id", b)).isEqualTo(1);
        assertThat(count(tenant, owner, "contacts", "id", mine)).isEqualTo(1);
        assertThat(tenants.call(
                        tenant,
                        owner.userId(),
                        () -> jdbc.sql("select count(*) from audit_events where action like 'contact.merged%'")
                                .query(Long.class)
                                .single()))
                .isZero();
    }

    @Test
    void theMergeScreenPicksValuesAndLandsOnTheSurvivor() {
        SignedUp owner = signUpAndVerify("Merge Screen Co");
        Browserless api = owner.session();
        String email = uniqueEmail("otto");
        String a = id(api.postJson("/api/v1/contacts", """
                {"firstName":"Otto","emails":[{"address":"%s"}]}""".formatted(email)));
        String b = id(api.postJson("/api/v1/contacts", """
                {"firstName":"Otto","lastName":"Brandt","jobTitle":"CTO","emails":[{"address":"%s"}]}""".formatted(email)));
        id(api.postJson("/api/v1/activities", """
                {"type":"note","subject":"Hello","links":[{"type":"contact","id":"%s"}]}""".formatted(b)));

        String screen = api.page("/contacts/merge?ids=" + a + "," + b).body();
        assertThat(screen)
                .contains("Merge contacts", "Brandt", "CTO", "Activities: 1")
                .contains("name=\"field.lastName\" value=\"" + b + "\" checked")
                .contains("name=\"version." + a + "\" value=\"1\"");
        HttpResponse<String> stale = api.postFormPairs(
                "/contacts/merge",
                java.util.List.of(
                        Map.entry("ids", a),
                        Map.entry("ids", b),
                        Map.entry("survivor", b),
                        Map.entry("version." + a, "9"),
                        Map.entry("version." + b, "1")));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed since this page was made", "Brandt");
        assertThat(api.get("/api/v1/contacts/" + a).statusCode())
                .as("nothing merged")
                .isEqualTo(200);
        HttpResponse<String> done = api.postFormPairs(
                "/contacts/merge",
                java.util.List.of(
                        Map.entry("ids", a),
                        Map.entry("ids", b),
                        Map.entry("survivor", b),
                        Map.entry("version." + a, "1"),
                        Map.entry("version." + b, "1"),
                        Map.entry("field.firstName", a),
                        Map.entry("field.lastName", b),
                        Map.entry("field.jobTitle", a)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/contacts/" + b + "?done=merged");
        assertThat(api.page("/contacts/" + b + "?done=merged").body()).contains("Contacts merged.");
        String survivor = api.get("/api/v1/contacts/" + b).body();
        assertThat(survivor).contains("\"lastName\":\"Brandt\"").doesNotContain("CTO");
        assertThat(api.get("/api/v1/contacts/" + a).statusCode()).isEqualTo(404);

        HttpResponse<String> again = api.postFormPairs(
                "/contacts/merge",
                java.util.List.of(Map.entry("ids", a), Map.entry("ids", b), Map.entry("survivor", b)));
        assertThat(again.statusCode()).as("the merged one is gone").isEqualTo(404);
    }

    static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    static int version(Browserless api, String contact) {
        Matcher matcher = Pattern.compile("\"version\":(\\d+)")
                .matcher(api.get("/api/v1/contacts/" + contact).body());
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    long count(TenantId tenant, SignedUp owner, String table, String column, String id) {
        return tenants.call(
                tenant,
                owner.userId(),
                () -> jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single());
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"field\":\"" + field);
    }
}
