package io.team365.companies;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Editing one field of a company in place (htmx), against the version the page showed. */
class CompanyInlineEditTests extends IntegrationTest {

    @Test
    void aFieldIsEditedInPlaceWithItsRulesAndVersion() {
        SignedUp owner = signUpAndVerify("Company Inline Co");
        Browserless browser = owner.session();
        String id = Browserless.jsonField(
                browser.postJson("/api/v1/companies", "{\"name\":\"Inline Corp\",\"industry\":\"Retail\"}")
                        .body(),
                "id");
        assertThat(browser.page("/companies/" + id).body())
                .contains("id=\"inline-domain\"")
                .contains("hx-get=\"/companies/" + id + "/inline/domain\"");

        HttpResponse<String> saved = browser.postForm(
                "/companies/" + id + "/inline/domain",
                Map.of("domain", "https://www.Inline.example/x", "version", "1"));
        assertThat(saved.body())
                .as("the domain is normalised as on every write")
                .contains("inline.example")
                .contains("id=\"company-version\" name=\"version\" value=\"2\"");
        assertThat(browser.get("/api/v1/companies/" + id).body()).contains("\"domain\":\"inline.example\"");

        assertThat(browser.postForm("/companies/" + id + "/inline/name", Map.of("name", "", "version", "2"))
                        .body())
                .contains("inline-name-error");
        assertThat(browser.postForm("/companies/" + id + "/inline/industry", Map.of("industry", "Food", "version", "1"))
                        .body())
                .contains("Someone else changed this meanwhile")
                .contains("value=\"Retail\"");
        assertThat(browser.page("/companies/" + id + "/inline/size").statusCode())
                .isEqualTo(404);
    }
}
