package io.team365.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class LeadPagesTests extends IntegrationTest {

    @Test
    void createFindEditTrashAndRestoreThroughThePages() {
        SignedUp owner = signUpAndVerify("Lead Pages Co");
        Browserless browser = owner.session();
        String empty = browser.page("/leads").body();
        assertThat(empty).contains("No leads yet", "href=\"/leads\"", "Leads");
        assertThat(browser.page("/leads/new").statusCode()).isEqualTo(200);

        HttpResponse<String> invalid = browser.postForm("/leads", form("", "", "not-an-email", "new", null));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"email-error\"").contains("value=\"not-an-email\"");
        Map<String, String> unqualified = form("Una", "Qual", "", "unqualified", null);
        HttpResponse<String> noReason = browser.postForm("/leads", unqualified);
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("id=\"unqualifiedReason-error\"", "Say why the lead is unqualified");

        String path = created(browser.postForm("/leads", form("Ada", "Lead", "ada@lead.example", "contacted", null)));
        String page = browser.page(path).body();
        assertThat(page)
                .contains("Ada Lead", "mailto:ada@lead.example", "lead-status-contacted", "Convert lead")
                .contains("hx-get=\"/activities/panel?recordType=lead&amp;recordId=")
                .contains("hx-get=\"/files/panel?recordType=lead&amp;recordId=")
                .contains("hx-get=\"" + path + "/timeline\"");

        String list = browser.page("/leads?q=ada").body();
        assertThat(list).contains("Ada Lead", "badge lead-status lead-status-contacted", "Contacted", "Lead Co");
        assertThat(browser.page("/leads?ff=status&fo=eq&fv=qualified").body()).doesNotContain("Ada Lead");
        assertThat(browser.page("/leads?ff=status&fo=eq&fv=contacted").body()).contains("Ada Lead");
        assertThat(browser.page("/leads?q=nobody-like-this").body()).contains("No leads match");
        assertThat(browser.page("/leads?sort=-companyName").body()).contains("aria-sort=\"descending\"");

        HttpResponse<String> saved = browser.postForm(path, form("Ada", "King", "ada@lead.example", "qualified", 1));
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("?done=saved");
        HttpResponse<String> stale = browser.postForm(path, form("Ada", "Byron", "ada@lead.example", "new", 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone changed this lead").contains("value=\"King\"");

        assertThat(browser.postForm(path + "/delete", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/leads?done=trashed");
        assertThat(browser.page("/leads").body()).doesNotContain("Ada King");
        assertThat(browser.page("/leads/trash").body()).contains("Ada King");
        assertThat(browser.page(path).body())
                .contains("This lead is in the trash")
                .doesNotContain("Convert lead");
        browser.postForm(path + "/restore", Map.of());
        assertThat(browser.page("/leads").body()).contains("Ada King");

        String timeline = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> browser.page(path + "/timeline").body(), b -> b.contains("restored the lead"));
        assertThat(timeline).contains("created the lead", "changed the lead", "Status");
    }

    @Test
    void convertingFromThePageLinksTheNewRecords() {
        SignedUp owner = signUpAndVerify("Lead Convert Pages Co");
        Browserless browser = owner.session();
        String path =
                created(browser.postForm("/leads", form("Cora", "Convert", "cora@convert.example", "qualified", null)));
        assertThat(browser.page(path).body())
                .as("the company checkbox is offered with the lead's company name")
                .contains("name=\"createCompany\" value=\"true\" checked", "value=\"Lead Co\"");

        HttpResponse<String> badDeal = browser.postForm(
                path + "/convert",
                Map.of(
                        "createCompany",
                        "true",
                        "newCompanyName",
                        "Cora Corp",
                        "dealName",
                        "Pilot",
                        "dealAmount",
                        "lots",
                        "dealCurrency",
                        "EUR"));
        assertThat(badDeal.statusCode()).isEqualTo(422);
        assertThat(badDeal.body()).contains("id=\"dealAmount-error\"", "value=\"lots\"");
        assertThat(browser.page("/companies?q=Cora").body()).doesNotContain("Cora Corp");

        HttpResponse<String> converted = browser.postForm(
                path + "/convert",
                Map.of(
                        "createCompany",
                        "true",
                        "newCompanyName",
                        "Cora Corp",
                        "dealName",
                        "Pilot",
                        "dealAmount",
                        "900",
                        "dealCurrency",
                        "EUR"));
        assertThat(converted.headers().firstValue("Location").orElse("")).endsWith(path + "?done=converted");
        String page = browser.page(path + "?done=converted").body();
        assertThat(page)
                .contains("Lead converted.", "This lead was converted on", "lead-status-converted")
                .contains("href=\"/contacts/", ">Cora Convert</a>", ">Cora Corp</a>", ">Pilot</a>", "href=\"/deals/")
                .as("no edit or convert form on a converted lead")
                .doesNotContain("Convert lead", "Save lead");
        HttpResponse<String> edit = browser.postForm(path, form("Cora", "Changed", "", "new", 2));
        assertThat(edit.statusCode()).isEqualTo(409);
        assertThat(edit.body()).contains("can no longer be changed");
        assertThat(browser.postForm(path + "/convert", Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void readOnlyUsersSeeLeadsButNoEditControls() {
        SignedUp owner = signUpAndVerify("Read Only Leads Co");
        String path = created(owner.session().postForm("/leads", form("Grace", "Reader", "", "new", null)));
        Joined reader = inviteAndJoin(owner, "read-only");
        String page = reader.session().page(path).body();
        assertThat(page).contains("Grace Reader").doesNotContain("Convert lead", "Save lead", "Move to trash");
        assertThat(reader.session().page("/leads").body())
                .contains("Grace Reader")
                .doesNotContain("/leads/new");
        assertThat(reader.session().postForm(path + "/convert", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(reader.session().postForm(path + "/delete", Map.of()).statusCode())
                .isEqualTo(403);
    }

    private static String created(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location)
                .as(response.statusCode() + response.body())
                .contains("/leads/")
                .endsWith("?done=created");
        return location.substring(location.indexOf("/leads/"), location.indexOf('?'));
    }

    private static Map<String, String> form(String first, String last, String email, String status, Integer version) {
        Map<String, String> form = new HashMap<>();
        form.put("firstName", first);
        form.put("lastName", last);
        form.put("email", email);
        form.put("phone", "");
        form.put("jobTitle", "");
        form.put("companyName", "Lead Co");
        form.put("tags", "");
        form.put("source", "");
        form.put("status", status);
        form.put("unqualifiedReason", "");
        if (version != null) {
            form.put("version", version.toString());
        }
        return form;
    }
}
