package io.team365.duplicates;

import static io.team365.duplicates.ContactMergeTests.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Likely duplicates: the same email, phone or domain, or alike names; "not duplicates" hides a pair for good. */
class DuplicateReviewTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.team365.tenancy.TenantTransactions tenants;

    @Test
    void contactsSharingAnEmailOrPhoneOrAlikeNamesAtOneCompanyAreProposed() {
        SignedUp owner = signUpAndVerify("Dup Co");
        SignedUp stranger = signUpAndVerify("Dup Stranger Co");
        Browserless api = owner.session();
        String email = uniqueEmail("dup");
        String byEmail1 = id(api.postJson("/api/v1/contacts", """
                {"firstName":"Eve","emails":[{"address":"%s"}]}""".formatted(email)));
        String byEmail2 = id(api.postJson("/api/v1/contacts", """
                {"firstName":"Evelyn","emails":[{"address":" %s "}]}""".formatted(email.toUpperCase())));
        String byPhone1 = id(api.postJson("/api/v1/contacts", """
                {"firstName":"Phil","phones":[{"number":"+49 30 1234567"}]}"""));
        String byPhone2 = id(api.postJson("/api/v1/contacts", """
                {"firstName":"Philip","phones":[{"number":"+49 (30) 123-4567"}]}"""));
        String acme = id(api.postJson("/api/v1/companies", "{\"name\":\"Acme\"}"));
        String other = id(api.postJson("/api/v1/companies", "{\"name\":\"Other\"}"));
        String name1 = id(api.postJson("/api/v1/contacts", """
                {"firstName":"Johanna","lastName":"Schmidt","companyId":"%s"}""".formatted(acme)));
        String name2 = id(api.postJson("/api/v1/contacts", """
                {"firstName":"Johanna","lastName":"Schmitt","companyId":"%s"}""".formatted(acme)));
        String elsewhere = id(api.postJson("/api/v1/contacts", """
                {"firstName":"Johanna","lastName":"Schmidt","companyId":"%s"}""".formatted(other)));
        String alone = id(api.postJson("/api/v1/contacts", "{\"firstName\":\"Zed\"}"));
        // another Client's contact with the same email is never proposed here
        String theirs = id(stranger.session().postJson("/api/v1/contacts", """
                {"firstName":"Eve","emails":[{"address":"%s"}]}""".formatted(email)));

        String groups = api.get("/api/v1/contacts/duplicates").body();
        assertThat(groups)
                .as("API.md's list envelope")
                .startsWith("{\"data\":[")
                .endsWith(",\"nextCursor\":null}")
                .contains("\"reasons\":[\"email\"]")
                .contains("\"reasons\":[\"phone\"]")
                .contains("\"reasons\":[\"name\"]")
                .contains(byEmail1, byEmail2, byPhone1, byPhone2, name1, name2)
                .doesNotContain(alone)
                .doesNotContain(theirs)
                .doesNotContain(elsewhere);
        assertThat(api.page("/contacts/duplicates").body())
                .contains("Duplicate contacts", "Same email", "Same phone", "Alike names", "Review and merge")
                .contains("/contacts/merge?ids=");
        assertThat(api.page("/contacts").body()).contains("href=\"/contacts/duplicates\"");

        // "not duplicates": the pair is not proposed again, in the API or on the page
        assertThat(api.postJson(
                                "/api/v1/contacts/duplicates/dismissals",
                                "{\"ids\":[\"" + byPhone1 + "\",\"" + byPhone2 + "\"]}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> page = api.postFormPairs(
                "/contacts/duplicates/dismiss", java.util.List.of(Map.entry("ids", name1), Map.entry("ids", name2)));
        assertThat(page.statusCode()).isEqualTo(302);
        String after = api.get("/api/v1/contacts/duplicates").body();
        assertThat(after).contains(byEmail1).doesNotContain(byPhone1).doesNotContain(name1);
        assertThat(api.page("/contacts/duplicates?done=dismissed").body())
                .contains("will not be proposed")
                .doesNotContain("Philip");

        // bad dismissals: one record, another Client's record, not an id
        assertThat(api.postJson("/api/v1/contacts/duplicates/dismissals", "{\"ids\":[\"" + byEmail1 + "\"]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.postJson(
                                "/api/v1/contacts/duplicates/dismissals",
                                "{\"ids\":[\"" + byEmail1 + "\",\"" + theirs + "\"]}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.postJson("/api/v1/contacts/duplicates/dismissals", "{\"ids\":[\"nope\",\"x\"]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/contacts/duplicates").body()).contains(byEmail1);
    }

    @Test
    void companiesSharingADomainOrAlikeNamesAreProposedAndMerged() {
        SignedUp owner = signUpAndVerify("Dup Companies Co");
        Browserless api = owner.session();
        String a = id(api.postJson("/api/v1/companies", "{\"name\":\"Globex\",\"domain\":\"globex.example\"}"));
        String b = id(api.postJson(
                "/api/v1/companies", "{\"name\":\"Globex Inc\",\"website\":\"https://www.globex.example/about\"}"));
        String c = id(api.postJson("/api/v1/companies", "{\"name\":\"Initech Systems\"}"));
        String d = id(api.postJson("/api/v1/companies", "{\"name\":\"Initech Systems.\"}"));
        String e = id(api.postJson("/api/v1/companies", "{\"name\":\"Umbrella\"}"));
        String groups = api.get("/api/v1/companies/duplicates").body();
        assertThat(groups)
                .contains("\"reasons\":[\"domain\",\"name\"]")
                .contains("\"reasons\":[\"name\"]")
                .contains(a, b, c, d)
                .doesNotContain(e);
        assertThat(api.page("/companies/duplicates").body()).contains("Duplicate companies", "Same domain");
        assertThat(api.page("/companies").body()).contains("href=\"/companies/duplicates\"");

        String person = id(api.postJson("/api/v1/contacts", "{\"firstName\":\"Hank\",\"companyId\":\"" + b + "\"}"));
        String deal = id(api.postJson("/api/v1/deals", "{\"name\":\"Globex deal\",\"companyId\":\"" + b + "\"}"));
        String activity = id(api.postJson("/api/v1/activities", """
                {"type":"note","subject":"Visit","links":[{"type":"company","id":"%s"}]}""".formatted(b)));
        io.team365.core.TenantId tenant = new io.team365.core.TenantId(owner.tenantId());
        java.util.UUID attachment = java.util.UUID.randomUUID();
        tenants.run(
                tenant,
                owner.userId(),
                () -> jdbc.sql("""
                        insert into attachments (tenant_id, id, record_type, record_id, file_name, content_type, size,
                            sha256, storage_key)
                        values (?, ?, 'company', ?, 'contract.pdf', 'application/pdf', 3, repeat('b', 64), 'k')
                        """)
                        .params(owner.tenantId(), attachment, java.util.UUID.fromString(b))
                        .update());
        assertThat(api.page("/companies/merge?ids=" + a + "," + b).body())
                .as("what will move, on the merge screen")
                .contains("Files: 1", "Activities: 1");
        HttpResponse<String> merged = api.postJson("/api/v1/companies/" + a + "/merge", """
                {"mergeIds":["%s"],"versions":{"%s":1,"%s":1},"fields":{"name":"%s"}}""".formatted(b, a, b, b));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(merged.body()).contains("\"name\":\"Globex Inc\"", "\"domain\":\"globex.example\"");
        assertThat(api.get("/api/v1/contacts/" + person).body()).contains("\"companyId\":\"" + a + "\"");
        assertThat(api.get("/api/v1/deals/" + deal).body()).contains("\"companyId\":\"" + a + "\"");
        assertThat(api.get("/api/v1/activities/" + activity).body()).contains(a).doesNotContain(b);
        assertThat(api.get("/api/v1/companies/" + b).statusCode()).isEqualTo(404);
        HttpResponse<String> old = api.page("/companies/" + b);
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/companies/" + a);
        assertThat(api.get("/api/v1/companies/duplicates").body()).doesNotContain(b);
        for (String[] table : new String[][] {
            {"companies", "id"},
            {"attachments", "record_id"},
            {"contacts", "company_id"},
            {"deals", "company_id"},
            {"activity_links", "record_id"},
            {"record_keys", "record_id"},
            {"search_entries", "record_id"},
            {"search_entries", "company_id"},
            {"timeline_entries", "record_id"},
            {"value_sources", "record_id"}
        }) {
            assertThat(tenants.call(
                            tenant,
                            owner.userId(),
                            () -> jdbc.sql("select count(*) from " + table[0] + " where " + table[1] + " = ?")
                                    .param(java.util.UUID.fromString(b))
                                    .query(Long.class)
                                    .single()))
                    .as(table[0] + "." + table[1] + " still names the merged company")
                    .isZero();
        }
        assertThat(tenants.call(
                        tenant,
                        owner.userId(),
                        () -> jdbc.sql("select count(*) from company_merges where merged_id = ? and survivor_id = ?")
                                .params(java.util.UUID.fromString(b), java.util.UUID.fromString(a))
                                .query(Long.class)
                                .single()))
                .isEqualTo(1);
        assertThat(tenants.call(
                        tenant,
                        owner.userId(),
                        () -> jdbc.sql("select record_id from attachments where id = ?")
                                .param(attachment)
                                .query(java.util.UUID.class)
                                .single()))
                .as("the file is now the kept company's")
                .isEqualTo(java.util.UUID.fromString(a));
        // the audit: ids only, no names
        String audit = tenants.call(
                tenant,
                owner.userId(),
                () -> jdbc.sql("select action || ' ' || target_id || ' ' || details::text from audit_events"
                                + " where action in ('company.merged', 'company.merged-into') order by action")
                        .query(String.class)
                        .list()
                        .toString());
        assertThat(audit)
                .contains("company.merged " + a, b)
                .contains("company.merged-into " + b, a)
                .doesNotContain("Globex");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(
                        () -> api.page("/companies/" + a + "/timeline").body(),
                        body -> body.contains("merged a duplicate into this company"));
        assertThat(api.page("/companies/merge?ids=" + c + "," + d).body())
                .contains("Merge companies", "Initech Systems.");
    }
}
