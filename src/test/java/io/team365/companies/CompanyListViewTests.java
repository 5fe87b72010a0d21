package io.team365.companies;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The company list shares the filter builder, custom-field sorting, saved views and bulk actions. */
class CompanyListViewTests extends IntegrationTest {

    @Test
    void companiesAreFilteredSortedSavedAndChangedInBulk() {
        SignedUp owner = signUpAndVerify("Company Views Co");
        Joined colleague = inviteAndJoin(owner, "member");
        Browserless api = owner.session();
        api.postJson(
                "/api/v1/custom-fields",
                "{\"object\":\"company\",\"key\":\"arr\",\"label\":\"ARR\",\"type\":\"number\"}");
        String north = create(
                api,
                "{\"name\":\"North Ltd\",\"size\":\"11-50\",\"address\":{\"city\":\"Oslo\"},"
                        + "\"customFields\":{\"arr\":120000}}");
        String south = create(
                api,
                "{\"name\":\"South GmbH\",\"size\":\"51-200\",\"address\":{\"city\":\"Graz\"},"
                        + "\"customFields\":{\"arr\":5000}}");

        assertThat(api.get("/api/v1/companies?filter[city][eq]=oslo").body())
                .contains(north)
                .doesNotContain(south);
        assertThat(api.get("/api/v1/companies?filter[customFields.arr][lt]=10000")
                        .body())
                .contains(south)
                .doesNotContain(north);
        String bySize = api.get("/api/v1/companies?filter[size][ne]=11-50").body();
        assertThat(bySize).contains(south).doesNotContain(north);
        String sorted = api.get("/api/v1/companies?sort=-customFields.arr").body();
        assertThat(sorted.indexOf(north)).isLessThan(sorted.indexOf(south));
        assertThat(api.get("/api/v1/companies?filter[planet]=mars").body()).contains("filter[planet]");

        String page = api.page("/companies?ff=size&fo=eq&fv=51-200&cols=customFields.arr&cols=city")
                .body();
        assertThat(page)
                .contains("South GmbH")
                .doesNotContain("North Ltd")
                .contains("Graz")
                .contains(">ARR<");

        HttpResponse<String> saved = api.postFormPairs(
                "/views",
                List.of(
                        Map.entry("object", "company"),
                        Map.entry("name", "Big ARR"),
                        Map.entry("shared", "true"),
                        Map.entry("ff", "customFields.arr"),
                        Map.entry("fo", "gte"),
                        Map.entry("fv", "100000")));
        String location = saved.headers().firstValue("Location").orElse("");
        assertThat(location).contains("/companies?view=");
        String viewId = location.replaceAll(".*view=([0-9a-f-]+).*", "$1");
        assertThat(colleague.session().page("/companies?view=" + viewId).body())
                .contains("North Ltd")
                .doesNotContain("South GmbH");

        HttpResponse<String> bulk = api.postFormPairs(
                "/companies/bulk",
                List.of(
                        Map.entry("ids", north),
                        Map.entry("ids", south),
                        Map.entry("action", "assign-owner"),
                        Map.entry("ownerId", colleague.userId().toString())));
        assertThat(bulk.headers().firstValue("Location").orElse("")).contains("done=bulk-done");
        assertThat(api.get("/api/v1/companies?filter[ownerId]=" + colleague.userId())
                        .body())
                .contains(north)
                .contains(south);
        assertThat(api.postJson(
                                "/api/v1/companies/bulk",
                                "{\"ids\":[\"" + north + "\"],\"action\":\"add-tag\",\"tag\":\"Key\"}")
                        .body())
                .contains("\"changed\":1");
        assertThat(api.get("/api/v1/companies?filter[tag]=key").body())
                .contains(north)
                .doesNotContain(south);
    }

    private static String create(Browserless api, String json) {
        HttpResponse<String> created = api.postJson("/api/v1/companies", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }
}
