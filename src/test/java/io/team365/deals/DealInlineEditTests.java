package io.team365.deals;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Editing a deal's name, close date or tags in place; every versioned form on the page learns the new version. */
class DealInlineEditTests extends IntegrationTest {

    @Test
    void aDealFieldIsEditedInPlace() {
        SignedUp owner = signUpAndVerify("Deal Inline Co");
        Browserless browser = owner.session();
        String id = Browserless.jsonField(
                browser.postJson("/api/v1/deals", "{\"name\":\"Inline deal\"}").body(), "id");
        String page = browser.page("/deals/" + id).body();
        assertThat(page)
                .contains("hx-get=\"/deals/" + id + "/inline/closeDate\"")
                .contains("class=\"deal-version\" name=\"version\" value=\"1\"");

        String saved = browser.postForm(
                        "/deals/" + id + "/inline/closeDate", Map.of("closeDate", "2026-12-24", "version", "1"))
                .body();
        assertThat(saved).contains("2026-12-24").contains("value=\"2\" hx-swap-oob=\"outerHTML:.deal-version\"");
        assertThat(browser.get("/api/v1/deals/" + id).body()).contains("\"closeDate\":\"2026-12-24\"");
        assertThat(browser.postForm("/deals/" + id + "/inline/closeDate", Map.of("closeDate", "24/12", "version", "2"))
                        .body())
                .contains("inline-closeDate-error");
        assertThat(browser.postForm("/deals/" + id + "/inline/name", Map.of("name", "Stale", "version", "1"))
                        .body())
                .contains("Someone else changed this meanwhile");
        assertThat(browser.page("/deals/" + id + "/inline/stageId").statusCode())
                .isEqualTo(404);
    }
}
