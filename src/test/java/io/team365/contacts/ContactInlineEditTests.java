package io.team365.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Editing one field in place (htmx): saved with the version the page showed, refused with the reason otherwise. */
class ContactInlineEditTests extends IntegrationTest {

    @Test
    void aFieldIsEditedInPlaceAndAStaleOrBadValueKeepsTheInputOpen() {
        SignedUp owner = signUpAndVerify("Inline Co");
        Joined reader = inviteAndJoin(owner, "read-only");
        Browserless browser = owner.session();
        String id = Browserless.jsonField(
                browser.postJson("/api/v1/contacts", "{\"firstName\":\"Ines\",\"jobTitle\":\"Buyer\"}")
                        .body(),
                "id");
        String page = browser.page("/contacts/" + id).body();
        assertThat(page).contains("id=\"inline-jobTitle\"").contains("hx-get=\"/contacts/" + id + "/inline/jobTitle\"");

        String editor = browser.page("/contacts/" + id + "/inline/jobTitle").body();
        assertThat(editor)
                .contains("hx-post=\"/contacts/" + id + "/inline/jobTitle\"")
                .contains("value=\"Buyer\"")
                .contains("name=\"version\" value=\"1\"");

        HttpResponse<String> saved = browser.postForm(
                "/contacts/" + id + "/inline/jobTitle", Map.of("jobTitle", "Head of Buying", "version", "1"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body())
                .contains("Head of Buying")
                .as("the page's edit form learns the new version")
                .contains("id=\"contact-version\" name=\"version\" value=\"2\" hx-swap-oob=\"true\"");
        assertThat(browser.get("/api/v1/contacts/" + id).body()).contains("\"jobTitle\":\"Head of Buying\"");

        HttpResponse<String> stale =
                browser.postForm("/contacts/" + id + "/inline/jobTitle", Map.of("jobTitle", "Intern", "version", "1"));
        assertThat(stale.body())
                .contains("Someone else changed this meanwhile")
                .contains("value=\"Head of Buying\"")
                .contains("name=\"version\" value=\"2\"");
        assertThat(browser.get("/api/v1/contacts/" + id).body()).contains("\"jobTitle\":\"Head of Buying\"");

        HttpResponse<String> bad = browser.postForm(
                "/contacts/" + id + "/inline/email", Map.of("email", "not-an-address", "version", "2"));
        assertThat(bad.body()).contains("inline-email-error").contains("value=\"not-an-address\"");
        assertThat(browser.postForm("/contacts/" + id + "/inline/ownerId", Map.of("ownerId", "x", "version", "2"))
                        .statusCode())
                .as("only the listed fields are editable in place")
                .isEqualTo(404);
        assertThat(browser.postForm("/contacts/" + id + "/inline/tags", Map.of("tags", "Alpha, beta", "version", "2"))
                        .body())
                .contains("alpha, beta");

        assertThat(reader.session().page("/contacts/" + id).body()).doesNotContain("/inline/jobTitle\"");
        assertThat(reader.session()
                        .postForm("/contacts/" + id + "/inline/jobTitle", Map.of("jobTitle", "X", "version", "3"))
                        .statusCode())
                .isEqualTo(403);
        SignedUp stranger = signUpAndVerify("Inline Stranger Co");
        assertThat(stranger.session()
                        .page("/contacts/" + id + "/inline/jobTitle")
                        .statusCode())
                .isEqualTo(404);
    }
}
