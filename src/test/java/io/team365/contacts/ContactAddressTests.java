package io.team365.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A contact's postal address and social profiles, in the API (merge patch) and the form. */
class ContactAddressTests extends IntegrationTest {

    @Test
    void addressAndProfilesAreCheckedMergedAndShown() {
        SignedUp owner = signUpAndVerify("Address Co");
        Browserless api = owner.session();
        HttpResponse<String> created = api.postJson(
                "/api/v1/contacts",
                "{\"firstName\":\"Ada\",\"address\":{\"street\":\"1 Main St\",\"city\":\"Leeds\",\"country\":\"gb\"},"
                        + "\"socialLinks\":[{\"url\":\"https://www.linkedin.com/in/ada\"},"
                        + "{\"network\":\"website\",\"url\":\"https://ada.example\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body())
                .contains("\"country\":\"GB\"")
                .as("the network is recognised from the address")
                .contains("{\"network\":\"linkedin\",\"url\":\"https://www.linkedin.com/in/ada\"}");
        String id = Browserless.jsonField(created.body(), "id");

        String patched = api.send(
                        "PATCH",
                        "/api/v1/contacts/" + id,
                        "application/merge-patch+json",
                        "{\"address\":{\"city\":\"York\",\"street\":null}}")
                .body();
        assertThat(patched)
                .contains("\"city\":\"York\"")
                .contains("\"country\":\"GB\"")
                .contains("\"street\":null");

        HttpResponse<String> bad = api.postJson(
                "/api/v1/contacts",
                "{\"firstName\":\"Bad\",\"address\":{\"country\":\"Narnia\"},\"socialLinks\":[{\"url\":\"javascript:alert(1)\"},"
                        + "{\"network\":\"myspace\",\"url\":\"https://myspace.example\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("\"field\":\"address.country\"")
                .contains("\"field\":\"socialLinks[0].url\"")
                .contains("\"field\":\"socialLinks[1].network\"");
        assertThat(api.send(
                                "PATCH",
                                "/api/v1/contacts/" + id,
                                "application/merge-patch+json",
                                "{\"address\":{\"planet\":\"Mars\"}}")
                        .body())
                .contains("address.planet");

        String page = api.page("/contacts/" + id).body();
        assertThat(page)
                .contains("York, GB")
                .contains(">LinkedIn</a>")
                .contains("rel=\"noopener noreferrer nofollow\"");
        Map<String, String> form = new HashMap<>(Map.of(
                "firstName",
                "Ada",
                "lastName",
                "",
                "email",
                "",
                "phone",
                "",
                "jobTitle",
                "",
                "companyId",
                "",
                "tags",
                "",
                "source",
                ""));
        form.putAll(Map.of(
                "street",
                "2 High St",
                "postalCode",
                "YO1",
                "city",
                "York",
                "region",
                "",
                "country",
                "GB",
                "socialLinks",
                "https://github.com/ada\nhttps://ada.example",
                "version",
                "2"));
        HttpResponse<String> saved = api.postForm("/contacts/" + id, form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(api.get("/api/v1/contacts/" + id).body())
                .contains("\"street\":\"2 High St\"")
                .contains("{\"network\":\"github\",\"url\":\"https://github.com/ada\"}")
                .contains("{\"network\":\"website\",\"url\":\"https://ada.example\"}")
                .doesNotContain("linkedin");
        form.put("country", "XX");
        form.put("version", "3");
        HttpResponse<String> refused = api.postForm("/contacts/" + id, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("country-error");
    }
}
