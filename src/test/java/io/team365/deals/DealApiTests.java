package io.team365.deals;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.Money;
import io.team365.core.TenantId;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealApiTests extends IntegrationTest {

    private static final Pattern DEAL_ID = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"name\"");

    @Autowired
    DealManagement deals;

    @Autowired
    io.team365.tenancy.internal.TrashPurge purge;

    SignedUp owner;
    Browserless api;
    String pipelines;

    @BeforeAll
    void anOrganisationWithAToken() {
        owner = signUpAndVerify("Deals Co");
        api = apiClient(owner.session());
        pipelines = api.get("/api/v1/pipelines").body();
    }

    @Test
    void createReadPatchWithETagsTrashAndRestore() {
        HttpResponse<String> created = api.postJson("/api/v1/deals", """
                {"name":"Acme renewal","value":{"amount":"1250.5","currency":"eur"},"closeDate":"2026-03-31",
                 "tags":["Renewal","renewal"]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Browserless.jsonField(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/deals/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(created.body())
                .contains("\"pipelineId\":\"" + Browserless.jsonField(pipelines, "id") + "\"")
                .contains("\"stageId\":\"" + PipelineApiTests.stageId(pipelines, "Qualified") + "\"")
                .contains("\"value\":{\"amount\":\"1250.50\",\"currency\":\"EUR\"}")
                .contains("\"closeDate\":\"2026-03-31\"", "\"status\":\"open\"", "\"closedAt\":null")
                .contains("\"ownerId\":\"" + owner.userId() + "\"")
                .contains("\"tags\":[\"renewal\"]", "\"contactIds\":[]");

        assertThat(api.get("/api/v1/deals/" + id).body()).contains("\"name\":\"Acme renewal\"");
        HttpResponse<String> patched = api.send(
                "PATCH",
                "/api/v1/deals/" + id,
                "application/merge-patch+json",
                "{\"closeDate\":null,\"value\":{\"amount\":\"2000\",\"currency\":\"USD\"}}",
                "\"v1\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"v2\"");
        assertThat(patched.body())
                .contains("\"closeDate\":null", "\"amount\":\"2000.00\"", "\"name\":\"Acme renewal\"");

        HttpResponse<String> stale =
                api.send("PATCH", "/api/v1/deals/" + id, "application/json", "{\"name\":\"Lost update\"}", "\"v1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("\"currentVersion\":2");
        assertThat(api.get("/api/v1/deals/" + id).body()).doesNotContain("Lost update");

        assertThat(api.delete("/api/v1/deals/" + id).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/deals?q=Acme").body()).doesNotContain(id);
        assertThat(api.get("/api/v1/deals?filter[deleted]=true").body()).contains(id);
        assertThat(api.send("PATCH", "/api/v1/deals/" + id, "application/json", "{\"name\":\"x\"}", null)
                        .statusCode())
                .as("no edits in the trash")
                .isEqualTo(404);
        assertThat(api.postJson("/api/v1/deals/" + id + "/restore", "").statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/deals?q=acme").body()).contains(id);
        assertThat(api.get("/api/v1/audit?recordId=" + id).body())
                .contains("deal.created", "deal.viewed", "deal.updated", "deal.trashed", "deal.restored");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyMakesOneDeal() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Once only " + key + "\"}";
        HttpResponse<String> first = api.postJsonWith("/api/v1/deals", body, key);
        HttpResponse<String> again = api.postJsonWith("/api/v1/deals", body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(Browserless.jsonField(again.body(), "id")).isEqualTo(Browserless.jsonField(first.body(), "id"));
        assertThat(ids(api.get("/api/v1/deals?q=" + key).body())).hasSize(1);
    }

    @Test
    void listsPageWithCursorsWithoutGapsOrRepeats() {
        String tag = "page-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 7; i++) {
            String value = i == 3 ? "" : ",\"value\":{\"amount\":\"%d\",\"currency\":\"EUR\"}".formatted(100 * (i % 4));
            String close = i == 5 ? "" : ",\"closeDate\":\"2026-0%d-1%d\"".formatted(1 + i % 3, i);
            assertThat(api.postJson(
                                    "/api/v1/deals",
                                    "{\"name\":\"Deal %d\",\"tags\":[\"%s\"]%s%s}".formatted(6 - i, tag, value, close))
                            .statusCode())
                    .isEqualTo(201);
        }
        for (String sort :
                List.of("-updatedAt", "createdAt", "name", "-name", "value", "-value", "closeDate", "-closeDate")) {
            Set<String> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                HttpResponse<String> page = api.get("/api/v1/deals?limit=3&sort=" + sort + "&filter[tag]=" + tag
                        + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                for (String id : ids(page.body())) {
                    assertThat(seen.add(id)).as("no repeats with " + sort).isTrue();
                }
                cursor = page.body().contains("\"nextCursor\":null")
                        ? null
                        : Browserless.jsonField(page.body(), "nextCursor");
                pages++;
            } while (cursor != null && pages < 10);
            assertThat(seen).as("every deal once with " + sort).hasSize(7);
        }
        String byName = api.get("/api/v1/deals?sort=name&filter[tag]=" + tag).body();
        assertThat(byName.indexOf("Deal 0")).isLessThan(byName.indexOf("Deal 6"));
        String byValue = api.get("/api/v1/deals?sort=-value&filter[tag]=" + tag).body();
        assertThat(byValue.indexOf("\"amount\":\"300.00\"")).isLessThan(byValue.indexOf("\"amount\":\"100.00\""));
        String nameCursor = Browserless.jsonField(
                api.get("/api/v1/deals?limit=3&sort=name&filter[tag]=" + tag).body(), "nextCursor");
        assertThat(api.get("/api/v1/deals?limit=3&sort=value&cursor=" + nameCursor)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void filtersNarrowTheList() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String contact = Browserless.jsonField(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Filter\",\"lastName\":\"Contact\"}")
                        .body(),
                "id");
        String negotiation = PipelineApiTests.stageId(pipelines, "Negotiation");
        String lost = PipelineApiTests.stageId(pipelines, "Lost");
        String a =
                create("{\"name\":\"%s alpha\",\"contactIds\":[\"%s\"],\"tags\":[\"hot\"]}".formatted(marker, contact));
        String b = create("{\"name\":\"%s beta\",\"stageId\":\"%s\"}".formatted(marker, negotiation));
        String c = create(
                "{\"name\":\"%s gamma\",\"stageId\":\"%s\",\"lostReason\":\"Too pricey\"}".formatted(marker, lost));
        assertThat(ids(api.get("/api/v1/deals?q=" + marker).body())).containsExactlyInAnyOrder(a, b, c);
        assertThat(ids(api.get("/api/v1/deals?q=" + marker + "&filter[contactId]=" + contact)
                        .body()))
                .containsExactly(a);
        assertThat(ids(api.get("/api/v1/deals?q=" + marker + "&filter[stageId]=" + negotiation)
                        .body()))
                .containsExactly(b);
        assertThat(ids(api.get("/api/v1/deals?q=" + marker + "&filter[status]=lost")
                        .body()))
                .containsExactly(c);
        assertThat(ids(api.get("/api/v1/deals?q=" + marker + "&filter[status]=open")
                        .body()))
                .containsExactlyInAnyOrder(a, b);
        assertThat(ids(api.get("/api/v1/deals?q=" + marker + "&filter[tag]=HOT").body()))
                .containsExactly(a);
        assertThat(ids(api.get("/api/v1/deals?q=" + marker + "&filter[ownerId]=" + owner.userId())
                        .body()))
                .hasSize(3);
        assertThat(ids(api.get("/api/v1/deals?q=" + marker + "&filter[ownerId]=" + UUID.randomUUID())
                        .body()))
                .isEmpty();
        assertThat(ids(api.get("/api/v1/deals?q=" + marker + "&filter[companyId]=" + UUID.randomUUID())
                        .body()))
                .isEmpty();
        assertThat(ids(api.get("/api/v1/deals?q=" + marker + "&filter[pipelineId]="
                                + Browserless.jsonField(pipelines, "id"))
                        .body()))
                .hasSize(3);
        assertProblem(api.get("/api/v1/deals?filter[status]=maybe"), 400, "filter[status]");
        assertProblem(api.get("/api/v1/deals?filter[stageId]=nope"), 400, "filter[stageId]");
    }

    @Test
    void badInputIsNamedFieldByField() {
        assertProblem(api.postJson("/api/v1/deals", "{}"), 400, "name");
        assertProblem(api.postJson("/api/v1/deals", "{\"name\":\"A\",\"colour\":\"red\"}"), 400, "colour");
        assertProblem(api.postJson("/api/v1/deals", "{\"name\":[1]}"), 400, "name");
        assertProblem(api.postJson("/api/v1/deals", "{\"name\":\"" + "a".repeat(201) + "\"}"), 400, "name");
        assertProblem(
                api.postJson("/api/v1/deals", "{\"name\":\"A\",\"value\":{\"amount\":\"1.234\",\"currency\":\"EUR\"}}"),
                400,
                "value.amount");
        assertProblem(
                api.postJson("/api/v1/deals", "{\"name\":\"A\",\"value\":{\"amount\":\"12\",\"currency\":\"EURO\"}}"),
                400,
                "value.currency");
        assertProblem(api.postJson("/api/v1/deals", "{\"name\":\"A\",\"value\":\"12 EUR\"}"), 400, "value");
        assertProblem(api.postJson("/api/v1/deals", "{\"name\":\"A\",\"closeDate\":\"31/03/2026\"}"), 400, "closeDate");
        assertProblem(api.postJson("/api/v1/deals", "{\"name\":\"A\",\"pipelineId\":\"nope\"}"), 400, "pipelineId");
        assertProblem(
                api.postJson("/api/v1/deals", "{\"name\":\"A\",\"pipelineId\":\"" + UUID.randomUUID() + "\"}"),
                400,
                "pipelineId");
        assertProblem(
                api.postJson("/api/v1/deals", "{\"name\":\"A\",\"stageId\":\"" + UUID.randomUUID() + "\"}"),
                400,
                "stageId");
        assertProblem(
                api.postJson("/api/v1/deals", "{\"name\":\"A\",\"companyId\":\"" + UUID.randomUUID() + "\"}"),
                400,
                "companyId");
        assertProblem(
                api.postJson("/api/v1/deals", "{\"name\":\"A\",\"contactIds\":[\"" + UUID.randomUUID() + "\"]}"),
                400,
                "contactIds[0]");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append('"').append(UUID.randomUUID()).append('"');
        }
        assertProblem(
                api.postJson("/api/v1/deals", "{\"name\":\"A\",\"contactIds\":[" + many + "]}"), 400, "contactIds");
        assertProblem(
                api.postJson("/api/v1/deals", "{\"name\":\"A\",\"ownerId\":\"" + UUID.randomUUID() + "\"}"),
                400,
                "ownerId");
        assertProblem(
                api.postJson("/api/v1/deals", "{\"name\":\"A\",\"wonReason\":\"" + "w".repeat(501) + "\"}"),
                400,
                "wonReason");
        assertProblem(
                api.postJson("/api/v1/deals", "{\"name\":\"A\",\"customFields\":{\"shoe\":42}}"),
                400,
                "customFields.shoe");
        assertProblem(api.get("/api/v1/deals?sort=shoeSize"), 400, "sort");
        assertProblem(api.get("/api/v1/deals?limit=500"), 400, "limit");
        assertProblem(api.get("/api/v1/deals?cursor=bm90LWEtY3Vyc29y"), 400, "cursor");
        assertProblem(api.get("/api/v1/deals/not-a-uuid"), 400, "id");
        String id = create("{\"name\":\"Kept\"}");
        assertProblem(
                api.send("PATCH", "/api/v1/deals/" + id, "application/json", "{\"name\":null}", null), 400, "name");
        assertProblem(
                api.send("PATCH", "/api/v1/deals/" + id, "application/json", "{\"name\":\"x\"}", "v1-bad"),
                400,
                "If-Match");
        assertThat(api.get("/api/v1/deals/" + id).body()).contains("\"name\":\"Kept\"", "\"version\":1");
    }

    @Test
    void stageChangesWinsAndLossesLandOnTheTimelinesByName() {
        String contact = Browserless.jsonField(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Timeline\",\"lastName\":\"Buyer\"}")
                        .body(),
                "id");
        String id = create("{\"name\":\"Staged deal\",\"contactIds\":[\"%s\"]}".formatted(contact));
        String proposal = PipelineApiTests.stageId(pipelines, "Proposal");
        String lost = PipelineApiTests.stageId(pipelines, "Lost");
        String won = PipelineApiTests.stageId(pipelines, "Won");

        HttpResponse<String> moved = api.send(
                "PATCH",
                "/api/v1/deals/" + id,
                "application/json",
                "{\"stageId\":\"%s\"}".formatted(proposal),
                "\"v1\"");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        HttpResponse<String> noReason = api.send(
                "PATCH", "/api/v1/deals/" + id, "application/json", "{\"stageId\":\"%s\"}".formatted(lost), null);
        assertProblem(noReason, 400, "lostReason");
        assertThat(noReason.body()).contains("Say why the deal was lost");

        HttpResponse<String> lostDeal = api.send(
                "PATCH",
                "/api/v1/deals/" + id,
                "application/json",
                "{\"stageId\":\"%s\",\"lostReason\":\"Budget cut\"}".formatted(lost),
                null);
        assertThat(lostDeal.statusCode()).isEqualTo(200);
        assertThat(lostDeal.body()).contains("\"status\":\"lost\"", "\"lostReason\":\"Budget cut\"");
        assertThat(Browserless.jsonField(lostDeal.body(), "closedAt")).isNotBlank();

        HttpResponse<String> wonDeal = api.send(
                "PATCH",
                "/api/v1/deals/" + id,
                "application/json",
                "{\"stageId\":\"%s\",\"wonReason\":\"Budget back\"}".formatted(won),
                null);
        assertThat(wonDeal.body())
                .contains("\"status\":\"won\"", "\"lostReason\":null", "\"wonReason\":\"Budget back\"");
        HttpResponse<String> reopened = api.send(
                "PATCH", "/api/v1/deals/" + id, "application/json", "{\"stageId\":\"%s\"}".formatted(proposal), null);
        assertThat(reopened.body()).contains("\"status\":\"open\"", "\"closedAt\":null");
        assertProblem(
                api.send(
                        "PATCH",
                        "/api/v1/deals/" + id,
                        "application/json",
                        "{\"stageId\":\"%s\"}".formatted(lost),
                        null),
                400,
                "lostReason");

        String timeline = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get("/api/v1/deals/" + id + "/timeline").body(),
                        body -> body.contains("deal.won") && body.split("\"kind\"", -1).length >= 6);
        assertThat(timeline)
                .contains("\"kind\":\"deal.stage-changed\"", "\"kind\":\"deal.lost\"", "\"kind\":\"deal.created\"")
                .contains("\"field\":\"stage\",\"from\":\"Qualified\",\"to\":\"Proposal\"")
                .contains("\"field\":\"stage\",\"from\":\"Proposal\",\"to\":\"Lost\"")
                .contains("\"field\":\"lostReason\",\"from\":null,\"to\":\"Budget cut\"")
                .contains("\"field\":\"stage\",\"from\":\"Lost\",\"to\":\"Won\"");

        String contactTimeline = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get("/api/v1/contacts/" + contact + "/timeline")
                                .body(),
                        body -> body.contains("deal.won"));
        assertThat(contactTimeline).contains("deal.created", "deal.lost", "\"summary\":\"Staged deal\"");
        assertThat(owner.session().page("/deals/" + id + "/timeline").body())
                .contains("moved the deal", "<ins>Proposal</ins>");
    }

    @Test
    void aStageOfAnotherPipelineIsRefusedAndAPipelineChangeStartsAtItsFirstOpenStage() {
        String other = api.postJson("/api/v1/pipelines", "{\"name\":\"Other " + UUID.randomUUID() + "\"}")
                .body();
        String otherId = Browserless.jsonField(other, "id");
        String otherProposal = PipelineApiTests.stageId(other, "Proposal");
        assertProblem(
                api.postJson("/api/v1/deals", "{\"name\":\"Mixed\",\"stageId\":\"%s\"}".formatted(otherProposal)),
                400,
                "stageId");
        String id = create(
                "{\"name\":\"Mover\",\"stageId\":\"%s\"}".formatted(PipelineApiTests.stageId(pipelines, "Proposal")));
        assertProblem(
                api.send(
                        "PATCH",
                        "/api/v1/deals/" + id,
                        "application/json",
                        "{\"stageId\":\"%s\"}".formatted(otherProposal),
                        null),
                400,
                "stageId");
        HttpResponse<String> moved = api.send(
                "PATCH", "/api/v1/deals/" + id, "application/json", "{\"pipelineId\":\"%s\"}".formatted(otherId), null);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.body()).contains("\"stageId\":\"" + PipelineApiTests.stageId(other, "Qualified") + "\"");
    }

    @Test
    void totalsPerStageAndWonAndLostThisMonth() {
        SignedUp solo = signUpAndVerify("Totals Co");
        Browserless soloApi = apiClient(solo.session());
        String soloPipelines = soloApi.get("/api/v1/pipelines").body();
        String proposal = PipelineApiTests.stageId(soloPipelines, "Proposal");
        String value = ",\"value\":{\"amount\":\"%s\",\"currency\":\"%s\"}";
        for (String body : List.of(
                "{\"name\":\"P1\",\"stageId\":\"" + proposal + "\"" + value.formatted("100.10", "EUR") + "}",
                "{\"name\":\"P2\",\"stageId\":\"" + proposal + "\"" + value.formatted("50", "EUR") + "}",
                "{\"name\":\"P3\",\"stageId\":\"" + proposal + "\"" + value.formatted("70", "USD") + "}",
                "{\"name\":\"P4\",\"stageId\":\"" + proposal + "\"}",
                "{\"name\":\"Q1\"" + value.formatted("5", "EUR") + "}",
                "{\"name\":\"W1\",\"stageId\":\"" + PipelineApiTests.stageId(soloPipelines, "Won") + "\""
                        + value.formatted("1000", "EUR") + "}",
                "{\"name\":\"L1\",\"stageId\":\"" + PipelineApiTests.stageId(soloPipelines, "Lost")
                        + "\",\"lostReason\":\"No fit\"" + value.formatted("300", "GBP") + "}")) {
            assertThat(soloApi.postJson("/api/v1/deals", body).statusCode()).isEqualTo(201);
        }
        String trashed = Browserless.jsonField(
                soloApi.postJson(
                                "/api/v1/deals",
                                "{\"name\":\"T1\",\"stageId\":\"" + proposal + "\"" + value.formatted("9", "EUR") + "}")
                        .body(),
                "id");
        soloApi.delete("/api/v1/deals/" + trashed);
        UUID pipelineId = UUID.fromString(Browserless.jsonField(soloPipelines, "id"));

        List<StageTotal> open = as(solo, () -> deals.openValueByStage(pipelineId));
        assertThat(open)
                .extracting(StageTotal::stageName)
                .containsExactly("Qualified", "Needs analysis", "Proposal", "Negotiation");
        StageTotal atProposal = open.get(2);
        assertThat(atProposal.count()).isEqualTo(4);
        assertThat(atProposal.totals())
                .containsExactly(new Money(new BigDecimal("150.10"), "EUR"), new Money(new BigDecimal("70.00"), "USD"));
        assertThat(open.get(0).count()).isEqualTo(1);
        assertThat(open.get(1).count()).isZero();
        assertThat(open.get(1).totals()).isEmpty();

        WonLost month = as(solo, () -> deals.wonAndLostThisMonth());
        assertThat(month.wonCount()).isEqualTo(1);
        assertThat(month.wonValue()).containsExactly(new Money(new BigDecimal("1000.00"), "EUR"));
        assertThat(month.lostCount()).isEqualTo(1);
        assertThat(month.lostValue()).containsExactly(new Money(new BigDecimal("300.00"), "GBP"));
    }

    @Test
    void anotherClientsDealsPipelinesStagesAndContactsAreNotFound() {
        String secretContact = Browserless.jsonField(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Secret\",\"lastName\":\"Buyer\"}")
                        .body(),
                "id");
        String id = create("{\"name\":\"Secret deal\",\"contactIds\":[\"%s\"]}".formatted(secretContact));
        SignedUp other = signUpAndVerify("Nosy Deals Co");
        Browserless nosy = apiClient(other.session());
        assertThat(nosy.get("/api/v1/deals/" + id).statusCode()).isEqualTo(404);
        assertThat(nosy.send("PATCH", "/api/v1/deals/" + id, "application/json", "{\"name\":\"x\"}", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(nosy.delete("/api/v1/deals/" + id).statusCode()).isEqualTo(404);
        assertThat(nosy.postJson("/api/v1/deals/" + id + "/restore", "").statusCode())
                .isEqualTo(404);
        assertThat(nosy.get("/api/v1/deals").body()).doesNotContain("Secret deal");
        assertThat(nosy.get("/api/v1/deals?filter[contactId]=" + secretContact).body())
                .doesNotContain(id);

        HttpResponse<String> foreignPipeline = nosy.postJson(
                "/api/v1/deals",
                "{\"name\":\"X\",\"pipelineId\":\"%s\"}".formatted(Browserless.jsonField(pipelines, "id")));
        assertProblem(foreignPipeline, 400, "pipelineId");
        HttpResponse<String> foreignStage = nosy.postJson(
                "/api/v1/deals",
                "{\"name\":\"X\",\"stageId\":\"%s\"}".formatted(PipelineApiTests.stageId(pipelines, "Won")));
        assertProblem(foreignStage, 400, "stageId");
        HttpResponse<String> foreignContact =
                nosy.postJson("/api/v1/deals", "{\"name\":\"X\",\"contactIds\":[\"%s\"]}".formatted(secretContact));
        assertProblem(foreignContact, 400, "contactIds[0]");
        for (HttpResponse<String> response : List.of(foreignPipeline, foreignStage, foreignContact)) {
            assertThat(response.body()).doesNotContain("Secret", "Sales pipeline", "Deals Co");
        }
    }

    @Test
    void readOnlyUsersReadDealsButCannotChangeThem() {
        String id = create("{\"name\":\"Look only\"}");
        Joined viewer = inviteAndJoin(owner, "read-only");
        assertThat(viewer.session().get("/api/v1/deals/" + id).statusCode()).isEqualTo(200);
        assertThat(viewer.session()
                        .postJson("/api/v1/deals", "{\"name\":\"Mine\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(viewer.session()
                        .patchJson("/api/v1/deals/" + id, "{\"name\":\"Mine\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(viewer.session().delete("/api/v1/deals/" + id).statusCode()).isEqualTo(403);
    }

    @Test
    void dealsAreInTheOpenApiDocument() {
        String doc = api.get("/v3/api-docs").body();
        assertThat(doc).contains("/api/v1/deals/{id}/restore", "/api/v1/pipelines/{id}", "filter[contactId]");
    }

    @Test
    void purgedDealsLeaveAndPurgedContactsAreUnlinked() {
        String contact = Browserless.jsonField(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Purged\"}").body(), "id");
        String kept = create("{\"name\":\"Keeps going\",\"contactIds\":[\"%s\"]}".formatted(contact));
        String old = create("{\"name\":\"Old deal\",\"contactIds\":[\"%s\"]}".formatted(contact));
        api.delete("/api/v1/deals/" + old);
        api.delete("/api/v1/contacts/" + contact);
        TenantId tenant = new TenantId(owner.tenantId());
        TenantContext.runAs(tenant, null, () -> {
            jdbc.sql("update deals set deleted_at = now() - interval '31 days' where id = ?")
                    .param(UUID.fromString(old))
                    .update();
            jdbc.sql("update contacts set deleted_at = now() - interval '31 days' where id = ?")
                    .param(UUID.fromString(contact))
                    .update();
        });
        purge.purgeExpired();
        assertThat(api.get("/api/v1/deals/" + old).statusCode()).isEqualTo(404);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/deals/" + kept).body().contains("\"contactIds\":[]"));
    }

    private String create(String json) {
        HttpResponse<String> created = api.postJson("/api/v1/deals", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    /** Runs service code as the owner of {@code client}, as a request of theirs would. */
    private static <T> T as(SignedUp client, Callable<T> work) {
        SignedInUser user = new SignedInUser(
                client.userId(), client.email(), "Olive Owner", new TenantId(client.tenantId()), Role.OWNER);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_OWNER"));
        try {
            return TenantContext.callAs(user.tenant(), user.userId(), work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static List<String> ids(String body) {
        List<String> ids = new ArrayList<>();
        Matcher m = DEAL_ID.matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
}
