package io.team365.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportApiTests extends IntegrationTest {

    private static final String TIMESTAMP = "replace((%s at time zone 'UTC')::text, ' ', 'T') || 'Z'";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Value("${team365.data-dir}")
    String dataDir;

    SignedUp owner;
    Browserless api;
    String companyId;

    @BeforeAll
    void aClientWithContacts() {
        owner = signUpAndVerify("Exports Co");
        api = apiClient(owner.session());
        assertThat(api.postJson(
                                "/api/v1/custom-fields",
                                "{\"object\":\"contact\",\"key\":\"tier\",\"label\":\"Tier\",\"type\":\"text\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> company = api.postJson("/api/v1/companies", "{\"name\":\"Acme, Inc.\"}");
        assertThat(company.statusCode()).as(company.body()).isEqualTo(201);
        companyId = Browserless.jsonField(company.body(), "id");
        created("""
                {"firstName":"Ana","lastName":"Exportson","emails":[{"address":"ana@example.com","label":"work"}],
                 "phones":[{"number":"+4930123456","label":"mobile"}],"jobTitle":"CTO","companyId":"%s",
                 "tags":["export-a"],"customFields":{"tier":"gold"}}""".formatted(companyId));
        created("""
                {"firstName":"Bo \\"Quote\\"","lastName":"Exportson","emails":[{"address":"bo@example.com"},
                 {"address":"bo2@example.com"}],"tags":["export-a","vip"],"source":"Fair, 2026"}""");
        created("""
                {"firstName":"Cy","lastName":"Elsewhere","emails":[{"address":"cy@example.com"}],"tags":["export-b"]}""");
    }

    @Test
    void csvOfAFilteredListHasOnlyTheMatchingRowsExactlyWithCustomFieldColumns() {
        String id = startAndFinish("contacts", "csv", "{\"filter[tag][has]\":\"export-a\",\"q\":\"exportson\"}");
        HttpResponse<String> file = api.get("/api/v1/exports/" + id + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains(".csv"));
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String body = file.body();
        assertThat(body).startsWith("\uFEFF");
        assertThat(body).endsWith("\r\n");
        List<String> lines = new ArrayList<>(Arrays.asList(body.substring(1).split("\r\n")));
        assertThat(lines.removeFirst())
                .isEqualTo("id,firstName,lastName,email,emails,phones,jobTitle,company,companyId,owner,ownerId,tags,"
                        + "source,street,city,region,postalCode,country,createdAt,updatedAt,Tier");
        List<String> expected = inTenant(
                        owner,
                        () -> jdbc.sql("select id, " + TIMESTAMP.formatted("created_at")
                                        + ", " + TIMESTAMP.formatted("updated_at") + ", first_name from contacts"
                                        + " where last_name = 'Exportson' order by first_name")
                                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                                .list())
                .stream()
                .map(r -> String.join(",", r))
                .toList();
        String ana = expected.get(0).split(",")[0];
        String bo = expected.get(1).split(",")[0];
        String[] anaTimes = expected.get(0).substring(37).split(",");
        String[] boTimes = expected.get(1).substring(37).split(",");
        assertThat(lines)
                .containsExactlyInAnyOrder(
                        ana + ",Ana,Exportson,ana@example.com,ana@example.com,'+4930123456,CTO,\"Acme, Inc.\","
                                + companyId + ",Olive Owner," + owner.userId() + ",export-a,,,,,,," + anaTimes[0]
                                + "," + anaTimes[1] + ",gold",
                        bo + ",\"Bo \"\"Quote\"\"\",Exportson,bo@example.com,bo@example.com; bo2@example.com,,,,,"
                                + "Olive Owner," + owner.userId() + ",export-a; vip,\"Fair, 2026\",,,,,,"
                                + boTimes[0] + "," + boTimes[1] + ",");
    }

    @Test
    void cellsThatCouldRunAsFormulasAreNeutralised() {
        inTenant(
                owner,
                () -> jdbc.sql("""
                        insert into contacts (tenant_id, id, first_name, last_name, job_title, source, tags,
                            custom_fields, created_by, owner_id)
                        values (?, ?, '=1+1', '+SUM(A1:A9)', '-2', '@x', '{formula}',
                            '{"tier": "\\tfoo"}', ?, ?)""")
                        .params(owner.tenantId(), UUID.randomUUID(), owner.userId(), owner.userId())
                        .update());
        inTenant(
                owner,
                () -> jdbc.sql("""
                        insert into contacts (tenant_id, id, first_name, last_name, tags, created_by, owner_id)
                        values (?, ?, E'\\rbar', 'Plain', '{formula}', ?, ?)""")
                        .params(owner.tenantId(), UUID.randomUUID(), owner.userId(), owner.userId())
                        .update());
        String id = startAndFinish("contacts", "csv", "{\"filter[tag][has]\":\"formula\"}");
        String body = api.get("/api/v1/exports/" + id + "/file").body();
        assertThat(body)
                .contains(",'=1+1,'+SUM(A1:A9),", ",'-2,", ",'@x,", ",'\tfoo\r\n")
                .contains(",\"'\rbar\",Plain,");
        assertThat(body).doesNotContain(",=1+1", ",+SUM", ",-2,", ",@x", ",\tfoo", ",\rbar");
    }

    @Test
    void vcardParsesBackIntoTheContactsFields() {
        String id = startAndFinish("contacts", "vcf", "{\"filter[tag]\":\"export-a\"}");
        HttpResponse<String> file = api.get("/api/v1/exports/" + id + "/file");
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/vcard"));
        List<Map<String, List<String>>> cards = vcards(file.body());
        assertThat(cards).hasSize(2);
        Map<String, List<String>> ana = cards.stream()
                .filter(c -> c.get("FN").equals(List.of("Ana Exportson")))
                .findFirst()
                .orElseThrow();
        assertThat(ana.get("VERSION")).containsExactly("4.0");
        assertThat(ana.get("N")).containsExactly("Exportson;Ana;;;");
        assertThat(ana.get("EMAIL;TYPE=work;PREF=1")).as(file.body()).containsExactly("ana@example.com");
        assertThat(ana.get("TEL;TYPE=mobile")).as(file.body()).containsExactly("+4930123456");
        assertThat(ana.get("TITLE")).containsExactly("CTO");
        assertThat(ana.get("ORG")).containsExactly("Acme\\, Inc.");
        assertThat(ana.get("CATEGORIES")).containsExactly("export-a");
        assertThat(ana.get("UID").getFirst()).startsWith("urn:uuid:");
        Map<String, List<String>> bo = cards.stream()
                .filter(c -> c.get("FN").equals(List.of("Bo \"Quote\" Exportson")))
                .findFirst()
                .orElseThrow();
        assertThat(bo.get("EMAIL;PREF=1")).containsExactly("bo@example.com");
        assertThat(bo.get("EMAIL")).containsExactly("bo2@example.com");
        assertThat(bo.get("NOTE")).containsExactly("Source: Fair\\, 2026");
    }

    @Test
    void jsonIsOneValidArrayWithTheApisFieldNames() {
        String id = startAndFinish("contacts", "json", "{\"q\":\"Exportson\"}");
        HttpResponse<String> file = api.get("/api/v1/exports/" + id + "/file");
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode array = JSON.readTree(file.body());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isEqualTo(2);
        JsonNode first = array.get(0);
        JsonNode fromApi = JSON.readTree(
                api.get("/api/v1/contacts/" + first.get("id").asString()).body());
        List<String> apiFields = new ArrayList<>(fromApi.propertyNames());
        assertThat(new ArrayList<>(first.propertyNames())).containsExactlyElementsOf(apiFields);
        assertThat(first.get("emails")).isEqualTo(fromApi.get("emails"));
        assertThat(first.get("customFields")).isEqualTo(fromApi.get("customFields"));
        assertThat(first.get("tags")).isEqualTo(fromApi.get("tags"));
        assertThat(first.get("version")).isEqualTo(fromApi.get("version"));
    }

    @Test
    void everyObjectExportsAsCsvAndJson() {
        assertThat(api.postJson("/api/v1/leads", "{\"firstName\":\"Lee\",\"companyName\":\"Leads Ltd\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.postJson(
                                "/api/v1/deals",
                                "{\"name\":\"Big deal\",\"value\":{\"amount\":\"-12.50\","
                                        + "\"currency\":\"EUR\"},\"companyId\":\"" + companyId + "\"}")
                        .statusCode())
                .isEqualTo(201);
        String companies = api.get("/api/v1/exports/" + startAndFinish("companies", "csv", null) + "/file")
                .body();
        assertThat(companies).contains("\"Acme, Inc.\"");
        String leads = api.get("/api/v1/exports/" + startAndFinish("leads", "vcf", null) + "/file")
                .body();
        assertThat(leads).contains("FN:Lee\r\n", "ORG:Leads Ltd\r\n");
        String deals = api.get("/api/v1/exports/" + startAndFinish("deals", "csv", null) + "/file")
                .body();
        assertThat(deals).contains(",Big deal,", ",-12.50,EUR,", ",\"Acme, Inc.\",");
        JsonNode dealJson = JSON.readTree(api.get("/api/v1/exports/" + startAndFinish("deals", "json", null) + "/file")
                .body());
        assertThat(dealJson.get(0).get("value").get("amount").asString()).isEqualTo("-12.50");
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        assertRefused(api.postJson("/api/v1/exports", "{\"object\":\"users\",\"format\":\"csv\"}"), "object");
        assertRefused(api.postJson("/api/v1/exports", "{\"format\":\"csv\"}"), "object");
        assertRefused(api.postJson("/api/v1/exports", "{\"object\":\"contacts\",\"format\":\"xlsx\"}"), "format");
        assertRefused(api.postJson("/api/v1/exports", "{\"object\":\"deals\",\"format\":\"vcf\"}"), "format");
        assertRefused(api.postJson("/api/v1/exports", "{\"object\":\"companies\",\"format\":\"vcf\"}"), "format");
        assertRefused(
                api.postJson(
                        "/api/v1/exports",
                        "{\"object\":\"contacts\",\"format\":\"csv\",\"filter\":{\"filter[shoeSize]\":\"9\"}}"),
                "filter[shoeSize]");
        assertRefused(
                api.postJson(
                        "/api/v1/exports",
                        "{\"object\":\"contacts\",\"format\":\"csv\",\"filter\":{\"filter[createdAt][gt]\":\"soon\"}}"),
                "filter[createdAt]");
        assertRefused(
                api.postJson(
                        "/api/v1/exports",
                        "{\"object\":\"contacts\",\"format\":\"csv\",\"filter\":{\"filter[lastName][near]\":\"x\"}}"),
                "filter[lastName]");
        assertRefused(
                api.postJson("/api/v1/exports", "{\"object\":\"contacts\",\"format\":\"csv\",\"filter\":{\"sort\":1}}"),
                "filter.sort");
        assertRefused(
                api.postJson(
                        "/api/v1/exports",
                        "{\"object\":\"contacts\",\"format\":\"csv\",\"filter\":{\"view\":\"" + UUID.randomUUID()
                                + "\"}}"),
                "filter.view");
        assertRefused(
                api.postJson(
                        "/api/v1/exports",
                        "{\"object\":\"contacts\",\"format\":\"csv\",\"filter\":{\"q\":\"" + "x".repeat(201) + "\"}}"),
                "q");
        assertThat(api.get("/api/v1/exports/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/exports/not-an-id").statusCode()).isEqualTo(400);
        assertThat(count(owner, "select count(*) from exports where object = 'contacts' and format = 'xlsx'"))
                .isZero();
    }

    @Test
    void onlyTheCreatorOrAnAdminSeesAnExportAndNoOtherClientDoes() {
        Joined member = inviteAndJoin(owner, "member");
        Joined colleague = inviteAndJoin(owner, "member");
        Browserless memberApi = apiClient(member.session());
        HttpResponse<String> started = memberApi.postJson(
                "/api/v1/exports", "{\"object\":\"contacts\",\"format\":\"csv\",\"filter\":{\"q\":\"Exportson\"}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = Browserless.jsonField(started.body(), "id");
        awaitDone(memberApi, id);
        assertThat(memberApi.get("/api/v1/exports/" + id + "/file").statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/exports/" + id).statusCode())
                .as("the owner is an admin")
                .isEqualTo(200);

        Browserless colleagueApi = apiClient(colleague.session());
        assertThat(colleagueApi.get("/api/v1/exports/" + id).statusCode()).isEqualTo(404);
        assertThat(colleagueApi.get("/api/v1/exports/" + id + "/file").statusCode())
                .isEqualTo(404);
        assertThat(colleagueApi.get("/api/v1/exports").body()).doesNotContain(id);

        SignedUp stranger = signUpAndVerify("Other Exports Co");
        Browserless strangerApi = apiClient(stranger.session());
        assertThat(strangerApi.get("/api/v1/exports/" + id).statusCode()).isEqualTo(404);
        assertThat(strangerApi.get("/api/v1/exports/" + id + "/file").statusCode())
                .isEqualTo(404);
        assertThat(client().get("/api/v1/exports/" + id + "/file").statusCode()).isIn(401, 302);
    }

    @Test
    void exportsAndDownloadsAreAuditedWithoutPersonalValues() {
        String id = startAndFinish("contacts", "csv", "{\"q\":\"Ana\"}");
        api.get("/api/v1/exports/" + id + "/file");
        List<String> details = inTenant(
                owner,
                () -> jdbc.sql("select action || ' ' || details::text from audit_events"
                                + " where target_type = 'export' and target_id = ? order by occurred_at")
                        .param(id)
                        .query(String.class)
                        .list());
        assertThat(details)
                .anySatisfy(d -> assertThat(d).startsWith("export.created").contains("\"rows\": 1", "\"contacts\""))
                .anySatisfy(d -> assertThat(d).startsWith("export.finished").contains("\"rows\": 1"))
                .anySatisfy(d -> assertThat(d).startsWith("export.downloaded").contains("\"csv\""));
        assertThat(String.join(" ", details)).doesNotContain("Ana", "ana@example.com", "Exportson");
    }

    @Test
    void aLargeExportCompletesWithTheRightCount() {
        SignedUp big = signUpAndVerify("Big Exports Co");
        Browserless bigApi = apiClient(big.session());
        inTenant(
                big,
                () -> jdbc.sql("""
                        insert into contacts (tenant_id, id, first_name, last_name, emails, created_by, owner_id)
                        select ?, gen_random_uuid(), 'First' || n, 'Last' || n,
                            jsonb_build_array(jsonb_build_object('address', 'p' || n || '@example.com',
                                'primary', true)), ?, ?
                        from generate_series(1, 20000) n""")
                        .params(big.tenantId(), big.userId(), big.userId())
                        .update());
        HttpResponse<String> started =
                bigApi.postJson("/api/v1/exports", "{\"object\":\"contacts\",\"format\":\"csv\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.body()).contains("\"status\":\"queued\"", "\"total\":20000");
        String id = Browserless.jsonField(started.body(), "id");
        String done = awaitDone(bigApi, id);
        assertThat(done).contains("\"processed\":20000", "\"total\":20000");
        String body = bigApi.get("/api/v1/exports/" + id + "/file").body();
        assertThat(body.split("\r\n")).hasSize(20001);
        assertThat(body).contains(",First19999,Last19999,p19999@example.com,");
    }

    @Test
    void expiredExportsLoseTheirRowsAndFiles() {
        SignedUp expiring = signUpAndVerify("Expiring Exports Co");
        Browserless expiringApi = apiClient(expiring.session());
        assertThat(expiringApi
                        .postJson("/api/v1/contacts", "{\"firstName\":\"Temp\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> started =
                expiringApi.postJson("/api/v1/exports", "{\"object\":\"contacts\",\"format\":\"json\"}");
        String id = Browserless.jsonField(started.body(), "id");
        awaitDone(expiringApi, id);
        Path file = Path.of(dataDir, "exports", expiring.tenantId().toString(), id);
        assertThat(file).exists();
        try {
            clock.advance(Duration.ofDays(6));
            HttpResponse<String> early = expiringApi.postJson("/api/v1/retention/runs", "");
            assertThat(early.statusCode()).as(early.body()).isEqualTo(201);
            assertThat(count(expiring, "select count(*) from exports")).isEqualTo(1L);
            assertThat(file).exists();
            clock.advance(Duration.ofDays(2));
            HttpResponse<String> run = expiringApi.postJson("/api/v1/retention/runs", "");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
            assertThat(run.body()).contains("exports.files");
        } finally {
            clock.reset();
        }
        assertThat(count(expiring, "select count(*) from exports")).isZero();
        assertThat(Files.exists(file)).isFalse();
        assertThat(expiringApi.get("/api/v1/exports/" + id + "/file").statusCode())
                .isEqualTo(404);
    }

    private void created(String json) {
        HttpResponse<String> response = api.postJson("/api/v1/contacts", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Starts an export and waits for its file; returns its id. */
    private String startAndFinish(String object, String format, String filter) {
        HttpResponse<String> started = api.postJson(
                "/api/v1/exports",
                "{\"object\":\"%s\",\"format\":\"%s\"%s}"
                        .formatted(object, format, filter == null ? "" : ",\"filter\":" + filter));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = Browserless.jsonField(started.body(), "id");
        awaitDone(api, id);
        return id;
    }

    private static String awaitDone(Browserless client, String id) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            HttpResponse<String> status = client.get("/api/v1/exports/" + id);
            assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
            if (status.body().contains("\"status\":\"done\"")) {
                assertThat(status.body()).contains("\"downloadUrl\":\"/api/v1/exports/" + id + "/file\"");
                return status.body();
            }
            assertThat(status.body()).doesNotContain("\"status\":\"failed\"");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("export " + id + " did not finish");
    }

    /** Each card as property (with parameters) → values, lines unfolded (RFC 6350 3.2). */
    private static List<Map<String, List<String>>> vcards(String body) {
        assertThat(body).doesNotContain("\n\n").endsWith("END:VCARD\r\n");
        String unfolded = body.replace("\r\n ", "");
        List<Map<String, List<String>>> cards = new ArrayList<>();
        Map<String, List<String>> card = null;
        Iterator<String> lines = Arrays.asList(unfolded.split("\r\n")).iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.equals("BEGIN:VCARD")) {
                card = new java.util.LinkedHashMap<>();
            } else if (line.equals("END:VCARD")) {
                cards.add(card);
                card = null;
            } else {
                int colon = line.indexOf(':');
                card.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
                        .add(line.substring(colon + 1));
            }
        }
        return cards;
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    private long count(SignedUp who, String sql) {
        return inTenant(who, () -> jdbc.sql(sql).query(Long.class).single());
    }

    private static <T> T inTenant(SignedUp who, Supplier<T> work) {
        return TenantContext.callAs(new TenantId(who.tenantId()), null, work::get);
    }
}
