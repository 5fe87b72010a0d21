package io.team365.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Editing one field of a lead in place (htmx); a converted lead offers no edit and refuses one. */
class LeadInlineEditTests extends IntegrationTest {

    @Test
    void aLeadFieldIsEditedInPlaceUntilTheLeadIsConverted() {
        SignedUp owner = signUpAndVerify("Lead Inline Co");
        Browserless browser = owner.session();
        String id = Browserless.jsonField(
                browser.postJson("/api/v1/leads", "{\"firstName\":\"Lia\",\"companyName\":\"Old Name\"}")
                        .body(),
                "id");
        assertThat(browser.page("/leads/" + id).body()).contains("hx-get=\"/leads/" + id + "/inline/companyName\"");

        String saved = browser.postForm(
                        "/leads/" + id + "/inline/companyName", Map.of("companyName", "New Name", "version", "1"))
                .body();
        assertThat(saved).contains("New Name").contains("id=\"lead-version\" name=\"version\" value=\"2\"");
        assertThat(browser.get("/api/v1/leads/" + id).body()).contains("\"companyName\":\"New Name\"");
        assertThat(browser.postForm("/leads/" + id + "/inline/email", Map.of("email", "nope", "version", "2"))
                        .body())
                .contains("inline-email-error");

        assertThat(browser.postJson("/api/v1/leads/" + id + "/convert", "{}").statusCode())
                .isEqualTo(200);
        assertThat(browser.page("/leads/" + id).body()).doesNotContain("/inline/companyName\"");
        assertThat(browser.postForm(
                                "/leads/" + id + "/inline/companyName", Map.of("companyName", "Late", "version", "3"))
                        .statusCode())
                .as("a converted lead can no longer change")
                .isEqualTo(409);
    }
}
