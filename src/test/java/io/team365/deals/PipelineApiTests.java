package io.team365.deals;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineApiTests extends IntegrationTest {

    static final Pattern PIPELINE_ID =
            Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"name\":\"([^\"]*)\",\"stages\"");
    static final Pattern STAGE = Pattern.compile(
            "\\{\"id\":\"([0-9a-f-]{36})\",\"name\":\"([^\"]*)\",\"probability\":(\\d+),\"kind\":\"([a-z]+)\"}");

    SignedUp owner;
    Browserless api;

    @BeforeAll
    void anOrganisationWithAToken() {
        owner = signUpAndVerify("Pipelines Co");
        api = apiClient(owner.session());
    }

    @Test
    void theDefaultPipelineIsCreatedOnceUnderConcurrentFirstUse() throws Exception {
        SignedUp fresh = signUpAndVerify("Fresh Pipes Co");
        Browserless freshApi = apiClient(fresh.session());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String path = i % 2 == 0 ? "/api/v1/pipelines" : "/api/v1/deals";
                calls.add(() -> freshApi.get(path));
            }
            for (Future<HttpResponse<String>> result : pool.invokeAll(calls)) {
                assertThat(result.get().statusCode()).as(result.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        String body = freshApi.get("/api/v1/pipelines").body();
        assertThat(PIPELINE_ID.matcher(body).results().count()).as(body).isEqualTo(1);
        assertThat(body).contains("\"name\":\"Sales pipeline\"");
        List<String> stages = STAGE.matcher(body)
                .results()
                .map(m -> m.group(2) + " " + m.group(3) + " " + m.group(4))
                .toList();
        assertThat(stages)
                .containsExactly(
                        "Qualified 10 open",
                        "Needs analysis 25 open",
                        "Proposal 50 open",
                        "Negotiation 75 open",
                        "Won 100 won",
                        "Lost 0 lost");
    }

    @Test
    void createRenameReorderAndAddStages() {
        HttpResponse<String> created = api.postJson("/api/v1/pipelines", """
                {"name":"Partnerships","stages":[{"name":"Intro","probability":5,"kind":"open"},
                 {"name":"Signed","probability":100,"kind":"won"},{"name":"Dropped","probability":0,"kind":"lost"}]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Browserless.jsonField(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/pipelines/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"v1\"");
        List<String> stageIds = stageIds(created.body());
        assertThat(stageIds).hasSize(3);

        HttpResponse<String> patched = api.send(
                "PATCH",
                "/api/v1/pipelines/" + id,
                "application/merge-patch+json",
                """
                {"name":"Partners","stages":[{"name":"Research","probability":1,"kind":"open"},
                 {"id":"%s","name":"First call","probability":15,"kind":"open"},
                 {"id":"%s","name":"Dropped","probability":0,"kind":"lost"},
                 {"id":"%s","name":"Signed","probability":100,"kind":"won"}]}""".formatted(stageIds.get(0), stageIds.get(2), stageIds.get(1)),
                "\"v1\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"v2\"");
        assertThat(stageNames(patched.body())).containsExactly("Research", "First call", "Dropped", "Signed");
        List<String> after = stageIds(patched.body());
        assertThat(after.subList(1, 4)).containsExactly(stageIds.get(0), stageIds.get(2), stageIds.get(1));

        HttpResponse<String> stale = api.send(
                "PATCH", "/api/v1/pipelines/" + id, "application/json", "{\"name\":\"Lost update\"}", "\"v1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(api.get("/api/v1/pipelines/" + id).body()).contains("\"name\":\"Partners\"");
        assertThat(api.get("/api/v1/pipelines").body()).contains(id, "Sales pipeline");

        HttpResponse<String> withDefaults = api.postJson("/api/v1/pipelines", "{\"name\":\"Renewals\"}");
        assertThat(withDefaults.statusCode()).isEqualTo(201);
        assertThat(stageNames(withDefaults.body())).contains("Qualified", "Won", "Lost");
        assertThat(api.get("/api/v1/audit?recordId=" + id).body()).contains("pipeline.created", "pipeline.updated");
    }

    @Test
    void badPipelinesAreRefusedFieldByField() {
        DealApiTests.assertProblem(api.postJson("/api/v1/pipelines", """
                        {"name":"No won","stages":[{"name":"A","probability":5,"kind":"open"},
                         {"name":"B","probability":0,"kind":"lost"}]}"""), 400, "stages");
        DealApiTests.assertProblem(api.postJson("/api/v1/pipelines", """
                        {"name":"Odd","stages":[{"name":"A","probability":101,"kind":"open"},
                         {"name":"B","probability":100,"kind":"won"},{"name":"C","probability":0,"kind":"maybe"}]}"""), 400, "stages[0].probability");
        DealApiTests.assertProblem(api.postJson("/api/v1/pipelines", """
                        {"name":"Odd","stages":[{"name":"A","probability":1,"kind":"open"},
                         {"name":"B","probability":100,"kind":"won"},{"name":"C","probability":0,"kind":"maybe"}]}"""), 400, "stages[2].kind");
        DealApiTests.assertProblem(
                api.postJson("/api/v1/pipelines", "{\"name\":\"" + "p".repeat(101) + "\"}"), 400, "name");
        DealApiTests.assertProblem(
                api.postJson("/api/v1/pipelines", "{\"name\":\"X\",\"colour\":\"red\"}"), 400, "colour");
        StringBuilder many = new StringBuilder("{\"name\":\"Long\",\"stages\":[");
        for (int i = 0; i < 31; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"S%d\",\"probability\":1,\"kind\":\"%s\"}"
                            .formatted(i, i == 29 ? "won" : i == 30 ? "lost" : "open"));
        }
        DealApiTests.assertProblem(api.postJson("/api/v1/pipelines", many + "]}"), 400, "stages");
        String id = Browserless.jsonField(
                api.postJson("/api/v1/pipelines", "{\"name\":\"Strict\"}").body(), "id");
        String otherStage = stageIds(api.get("/api/v1/pipelines").body()).getFirst();
        DealApiTests.assertProblem(
                api.send("PATCH", "/api/v1/pipelines/" + id, "application/json", """
                        {"stages":[{"id":"%s","name":"Stolen","probability":1,"kind":"open"},
                         {"name":"W","probability":100,"kind":"won"},{"name":"L","probability":0,"kind":"lost"}]}""".formatted(otherStage), null),
                400,
                "stages[0].id");
    }

    @Test
    void stagesAndPipelinesThatHoldDealsCannotBeRemovedNorTheLastPipeline() {
        SignedUp solo = signUpAndVerify("Solo Pipes Co");
        Browserless soloApi = apiClient(solo.session());
        String pipelines = soloApi.get("/api/v1/pipelines").body();
        String defaultId = Browserless.jsonField(pipelines, "id");
        HttpResponse<String> last = soloApi.delete("/api/v1/pipelines/" + defaultId);
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(last.body()).contains("The last pipeline cannot be deleted");

        String created =
                soloApi.postJson("/api/v1/pipelines", "{\"name\":\"Side\"}").body();
        String sideId = Browserless.jsonField(created, "id");
        List<String> sideStages = stageIds(created);
        HttpResponse<String> deal = soloApi.postJson(
                "/api/v1/deals",
                "{\"name\":\"Held\",\"pipelineId\":\"%s\",\"stageId\":\"%s\"}".formatted(sideId, sideStages.get(1)));
        assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);

        String withoutSecond = STAGE.matcher(created)
                .results()
                .filter(m -> !m.group(1).equals(sideStages.get(1)))
                .map(m -> m.group(0))
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        HttpResponse<String> refused = soloApi.send(
                "PATCH",
                "/api/v1/pipelines/" + sideId,
                "application/json",
                "{\"stages\":[" + withoutSecond + "]}",
                null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("still holds deals").contains("\"field\":\"stages\"");
        assertThat(stageIds(soloApi.get("/api/v1/pipelines/" + sideId).body())).hasSize(6);

        HttpResponse<String> withDeals = soloApi.delete("/api/v1/pipelines/" + sideId);
        assertThat(withDeals.statusCode()).isEqualTo(409);
        assertThat(withDeals.body()).contains("still holds deals");

        String dealId = Browserless.jsonField(deal.body(), "id");
        soloApi.delete("/api/v1/deals/" + dealId);
        assertThat(soloApi.delete("/api/v1/pipelines/" + sideId).statusCode())
                .as("a deal in the trash still holds its pipeline")
                .isEqualTo(409);
        assertThat(soloApi.send(
                                "PATCH",
                                "/api/v1/pipelines/" + sideId,
                                "application/json",
                                "{\"stages\":[" + withoutSecond + "]}",
                                null)
                        .statusCode())
                .isEqualTo(409);

        String emptyId = Browserless.jsonField(
                soloApi.postJson("/api/v1/pipelines", "{\"name\":\"Empty\"}").body(), "id");
        assertThat(soloApi.delete("/api/v1/pipelines/" + emptyId).statusCode()).isEqualTo(204);
        assertThat(soloApi.get("/api/v1/pipelines/" + emptyId).statusCode()).isEqualTo(404);
    }

    @Test
    void membersAndReadOnlyUsersReadPipelinesButCannotChangeThem() {
        Joined member = inviteAndJoin(owner, "member");
        Joined readOnly = inviteAndJoin(owner, "read-only");
        String id = Browserless.jsonField(api.get("/api/v1/pipelines").body(), "id");
        for (Joined who : List.of(member, readOnly)) {
            Browserless session = who.session();
            assertThat(session.get("/api/v1/pipelines").statusCode()).isEqualTo(200);
            assertThat(session.get("/api/v1/pipelines/" + id).statusCode()).isEqualTo(200);
            assertThat(session.postJson("/api/v1/pipelines", "{\"name\":\"Mine\"}")
                            .statusCode())
                    .as(who.email())
                    .isEqualTo(403);
            assertThat(session.patchJson("/api/v1/pipelines/" + id, "{\"name\":\"Mine\"}")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(session.delete("/api/v1/pipelines/" + id).statusCode()).isEqualTo(403);
            assertThat(session.page("/settings/pipelines").statusCode()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/pipelines/" + id).body()).doesNotContain("Mine");
    }

    @Test
    void anotherClientsPipelinesAreNotFound() {
        String id = Browserless.jsonField(
                api.postJson("/api/v1/pipelines", "{\"name\":\"Secret pipe\"}").body(), "id");
        SignedUp other = signUpAndVerify("Nosy Pipes Co");
        Browserless nosy = other.session();
        assertThat(nosy.get("/api/v1/pipelines/" + id).statusCode()).isEqualTo(404);
        assertThat(nosy.patchJson("/api/v1/pipelines/" + id, "{\"name\":\"Mine\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(nosy.delete("/api/v1/pipelines/" + id).statusCode()).isEqualTo(404);
        assertThat(nosy.get("/api/v1/pipelines").body())
                .doesNotContain("Secret pipe")
                .doesNotContain(id);
    }

    static List<String> stageIds(String body) {
        return STAGE.matcher(body).results().map(m -> m.group(1)).toList();
    }

    static List<String> stageNames(String body) {
        return STAGE.matcher(body).results().map(m -> m.group(2)).toList();
    }

    static String stageId(String body, String name) {
        Matcher m = STAGE.matcher(body);
        while (m.find()) {
            if (m.group(2).equals(name)) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("no stage " + name + " in " + body);
    }
}
