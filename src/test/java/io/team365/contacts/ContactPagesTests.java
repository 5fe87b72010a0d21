package io.team365.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactPagesTests extends IntegrationTest {

    @Test
    void createFindEditTrashAndRestoreThroughThePages() {
        SignedUp owner = signUpAndVerify("Pages Co");
        Browserless browser = owner.session();
        assertThat(browser.page("/contacts").body()).contains("No contacts yet");

        HttpResponse<String> invalid = browser.postForm("/contacts", form("", "", "not-an-email", "", null));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"email-error\"").contains("value=\"not-an-email\"");

        HttpResponse<String> created =
                browser.postForm("/contacts", form("Ada", "Lovelace", "ada@example.test", "+44 20 7946 0000", null));
        String location = created.headers().firstValue("Location").orElse("");
        assertThat(location).contains("/contacts/").endsWith("?done=created");
        String path = location.substring(location.indexOf("/contacts/"), location.indexOf('?'));
        assertThat(browser.page(path).body()).contains("Ada Lovelace").contains("mailto:ada@example.test");

        String list = browser.page("/contacts?q=lovelace").body();
        assertThat(list).contains("Ada Lovelace").contains("+44 20 7946 0000");
        assertThat(browser.page("/contacts?q=nobody-like-this").body()).contains("No contacts match");
        HttpResponse<String> tagged = browser.postForm("/contacts", form("Bob", "Tagged", "", "", null));
        String taggedPath =
                tagged.headers().firstValue("Location").orElse("").replaceAll(".*(/contacts/[^?]+).*", "$1");
        Map<String, String> withTag = form("Bob", "Tagged", "", "", 1);
        withTag.put("tags", "partner, vip");
        browser.postForm(taggedPath, withTag);
        String byTag = browser.page("/contacts?ff=tag&fo=has&fv=partner").body();
        assertThat(byTag)
                .contains("Bob Tagged")
                .doesNotContain("Ada Lovelace")
                .as("the condition stays in the builder")
                .contains("value=\"partner\"");
        String byName = browser.page("/contacts?sort=lastName").body();
        assertThat(byName.indexOf("Ada Lovelace")).isLessThan(byName.indexOf("Bob Tagged"));
        assertThat(byName).contains("aria-sort=\"ascending\"");
        assertThat(browser.page("/contacts?sort=-lastName").body().indexOf("Bob Tagged"))
                .isLessThan(browser.page("/contacts?sort=-lastName").body().indexOf("Ada Lovelace"));
        assertThat(browser.page("/contacts?ff=tag&fv=" + "x".repeat(300) + "&q=" + "y".repeat(300))
                        .statusCode())
                .as("unusable filters are ignored, not an error")
                .isEqualTo(200);

        HttpResponse<String> saved = browser.postForm(path, form("Ada", "King", "ada@example.test", "", 1));
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("?done=saved");
        HttpResponse<String> stale = browser.postForm(path, form("Ada", "Byron", "ada@example.test", "", 1));
        assertThat(stale.statusCode())
                .as("an edit on a stale version is refused")
                .isEqualTo(409);
        assertThat(stale.body()).contains("Someone changed this contact").contains("value=\"King\"");

        assertThat(browser.postForm(path + "/delete", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/contacts?done=trashed");
        assertThat(browser.page("/contacts").body()).doesNotContain("Ada King");
        assertThat(browser.page("/contacts/trash").body()).contains("Ada King");
        assertThat(browser.page(path).body()).contains("This contact is in the trash");
        browser.postForm(path + "/restore", Map.of());
        assertThat(browser.page("/contacts").body()).contains("Ada King");
    }

    @Test
    void readOnlyUsersSeeContactsButCannotChangeThem() {
        SignedUp owner = signUpAndVerify("Read Only Pages Co");
        HttpResponse<String> created = owner.session().postForm("/contacts", form("Grace", "Hopper", "", "", null));
        String location = created.headers().firstValue("Location").orElse("");
        String path = location.substring(location.indexOf("/contacts/"), location.indexOf('?'));
        Joined viewer = inviteAndJoin(owner, "read-only");
        String page = viewer.session().page(path).body();
        assertThat(page)
                .contains("Grace Hopper")
                .doesNotContain("Move to trash")
                .doesNotContain("name=\"version\"");
        assertThat(viewer.session().page("/contacts").body()).doesNotContain("href=\"/contacts/new\"");
        assertThat(viewer.session().postForm(path + "/delete", Map.of()).statusCode())
                .isEqualTo(403);
    }

    private static Map<String, String> form(String first, String last, String email, String phone, Integer version) {
        Map<String, String> form = new HashMap<>();
        form.put("firstName", first);
        form.put("lastName", last);
        form.put("email", email);
        form.put("phone", phone);
        form.put("jobTitle", "");
        form.put("tags", "");
        form.put("source", "");
        if (version != null) {
            form.put("version", version.toString());
        }
        return form;
    }
}
