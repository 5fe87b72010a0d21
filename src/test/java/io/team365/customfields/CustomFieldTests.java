package io.team365.customfields;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class CustomFieldTests extends IntegrationTest {

    @Test
    void definedFieldsValidateEveryWriteOfTheirValues() {
        SignedUp owner = signUpAndVerify("Custom Co");
        Browserless api = owner.session();
        define(
                api,
                "{\"object\":\"contact\",\"key\":\"tier\",\"label\":\"Tier\",\"type\":\"select\","
                        + "\"options\":[\"gold\",\"silver\"],\"required\":true}");
        define(api, "{\"object\":\"contact\",\"key\":\"budget\",\"label\":\"Budget\",\"type\":\"money\"}");
        define(api, "{\"object\":\"contact\",\"key\":\"since\",\"label\":\"Customer since\",\"type\":\"date\"}");
        define(api, "{\"object\":\"contact\",\"key\":\"seats\",\"label\":\"Seats\",\"type\":\"number\"}");
        define(api, "{\"object\":\"contact\",\"key\":\"site\",\"label\":\"Website\",\"type\":\"url\"}");

        HttpResponse<String> missingRequired = api.postJson("/api/v1/contacts", "{\"firstName\":\"Req\"}");
        assertThat(missingRequired.statusCode()).isEqualTo(400);
        assertThat(missingRequired.body()).contains("\"field\":\"customFields.tier\"");

        HttpResponse<String> allWrong = api.postJson("/api/v1/contacts", """
                {"firstName":"Bad","customFields":{"tier":"bronze","budget":{"amount":"1.234","currency":"EUR"},
                 "since":"31/12/2020","seats":"many","site":"javascript:alert(1)"}}""");
        assertThat(allWrong.statusCode()).isEqualTo(400);
        assertThat(allWrong.body())
                .contains(
                        "customFields.tier",
                        "customFields.budget",
                        "customFields.since",
                        "customFields.seats",
                        "customFields.site")
                .contains("Choose one of: gold, silver");

        HttpResponse<String> good = api.postJson("/api/v1/contacts", """
                {"firstName":"Good","customFields":{"tier":"gold","budget":{"amount":"1200.50","currency":"eur"},
                 "since":"2020-12-31","seats":"12.0","site":"https://example.test/about"}}""");
        assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
        assertThat(good.body())
                .contains(
                        "\"currency\":\"EUR\"",
                        "\"amount\":\"1200.50\"",
                        "\"seats\":\"12\"",
                        "\"since\":\"2020-12-31\"");
        String id = Browserless.jsonField(good.body(), "id");

        HttpResponse<String> partial = api.send(
                "PATCH",
                "/api/v1/contacts/" + id,
                "application/merge-patch+json",
                "{\"customFields\":{\"seats\":\"3\",\"since\":null}}",
                null);
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(200);
        assertThat(partial.body())
                .as("a merge patch of customFields changes only the keys it names")
                .contains("\"seats\":\"3\"", "\"tier\":\"gold\"", "\"currency\":\"EUR\"")
                .doesNotContain("2020-12-31");
        assertThat(api.send(
                                "PATCH",
                                "/api/v1/contacts/" + id,
                                "application/merge-patch+json",
                                "{\"customFields\":{\"seats\":\"1e999999999\"}}",
                                null)
                        .statusCode())
                .isEqualTo(400);

        HttpResponse<String> badPatch = api.send(
                "PATCH",
                "/api/v1/contacts/" + id,
                "application/merge-patch+json",
                "{\"customFields\":{\"tier\":\"platinum\"}}",
                null);
        assertThat(badPatch.statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/contacts/" + id).body()).contains("\"tier\":\"gold\"");

        // deleting a field deletes its values, and records stay writable meanwhile
        String fields = api.get("/api/v1/custom-fields?filter[object]=contact").body();
        java.util.regex.Matcher site = java.util.regex.Pattern.compile(
                        "\"id\":\"([0-9a-f-]{36})\",\"object\":\"contact\",\"key\":\"site\"")
                .matcher(fields);
        assertThat(site.find()).isTrue();
        String siteId = site.group(1);
        assertThat(api.delete("/api/v1/custom-fields/" + siteId).statusCode()).isEqualTo(204);
        HttpResponse<String> stillWritable = api.send(
                "PATCH", "/api/v1/contacts/" + id, "application/merge-patch+json", "{\"jobTitle\":\"Buyer\"}", null);
        assertThat(stillWritable.statusCode()).as(stillWritable.body()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !api.get("/api/v1/contacts/" + id).body().contains("example.test/about"));
    }

    @Test
    void definitionsAreCheckedAndOnlyAdminsDefine() {
        SignedUp owner = signUpAndVerify("Custom Rules Co");
        Browserless api = owner.session();
        HttpResponse<String> bad = api.postJson(
                "/api/v1/custom-fields",
                "{\"object\":\"planet\",\"key\":\"Bad Key\",\"label\":\"\",\"type\":\"colour\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("\"field\":\"object\"", "\"field\":\"key\"", "\"field\":\"label\"", "\"field\":\"type\"");
        assertThat(api.postJson(
                                "/api/v1/custom-fields",
                                "{\"object\":\"contact\",\"key\":\"pick\",\"label\":\"Pick\",\"type\":\"select\"}")
                        .body())
                .contains("\"field\":\"options\"");
        define(api, "{\"object\":\"contact\",\"key\":\"twice\",\"label\":\"Twice\",\"type\":\"text\"}");
        assertThat(api.postJson(
                                "/api/v1/custom-fields",
                                "{\"object\":\"contact\",\"key\":\"twice\",\"label\":\"Again\",\"type\":\"text\"}")
                        .statusCode())
                .isEqualTo(409);

        Joined member = inviteAndJoin(owner, "member");
        assertThat(member.session().get("/api/v1/custom-fields").body()).contains("\"key\":\"twice\"");
        assertThat(member.session()
                        .postJson(
                                "/api/v1/custom-fields",
                                "{\"object\":\"contact\",\"key\":\"mine\",\"label\":\"Mine\",\"type\":\"text\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(signUpAndVerify("Other Custom Co")
                        .session()
                        .get("/api/v1/custom-fields")
                        .body())
                .doesNotContain("twice");
    }

    private static void define(Browserless api, String json) {
        HttpResponse<String> response = api.postJson("/api/v1/custom-fields", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
