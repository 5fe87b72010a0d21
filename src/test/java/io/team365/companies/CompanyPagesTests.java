package io.team365.companies;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompanyPagesTests extends IntegrationTest {

    @Test
    void createFindEditTrashAndRestoreThroughThePages() {
        SignedUp owner = signUpAndVerify("Company Pages Co");
        Browserless browser = owner.session();
        browser.postJson(
                "/api/v1/custom-fields",
                "{\"object\":\"company\",\"key\":\"tier\",\"label\":\"Tier\",\"type\":\"select\",\"options\":[\"gold\",\"silver\"]}");
        String empty = browser.page("/companies").body();
        assertThat(empty).contains("No companies yet").contains("href=\"/companies/new\"");
        assertThat(browser.page("/companies/new").body())
                .contains("name=\"domain\"", "name=\"size\"", "name=\"country\"", "name=\"cf.tier\"")
                .contains("<option value=\"FR\"");

        Map<String, String> bad = form("", "not a domain", null);
        bad.put("size", "huge");
        bad.put("country", "XX");
        bad.put("cf.tier", "bronze");
        HttpResponse<String> invalid = browser.postForm("/companies", bad);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body())
                .contains("id=\"name-error\"", "id=\"domain-error\"", "id=\"size-error\"", "id=\"country-error\"")
                .contains("value=\"not a domain\"")
                .contains("Choose one of");

        Map<String, String> acme = form("Acme Corp", "https://www.Acme.com/about", null);
        acme.put("size", "51-200");
        acme.put("city", "Lyon");
        acme.put("country", "FR");
        acme.put("tags", "Partner, b2b");
        acme.put("cf.tier", "gold");
        HttpResponse<String> created = browser.postForm("/companies", acme);
        String location = created.headers().firstValue("Location").orElse("");
        assertThat(location).as(created.body()).contains("/companies/").endsWith("?done=created");
        String path = location.substring(location.indexOf("/companies/"), location.indexOf('?'));
        String id = path.substring("/companies/".length());
        String show = browser.page(path).body();
        assertThat(show)
                .contains("Acme Corp", "href=\"https://acme.com\"", "Lyon, FR", "51-200 employees", "gold")
                .contains("Olive Owner")
                .contains("name=\"version\" value=\"1\"")
                .contains("hx-get=\"/contacts/panel?recordType=company&amp;recordId=" + id + "\"")
                .contains("hx-get=\"/deals/panel?recordType=company&amp;recordId=" + id + "\"")
                .contains("hx-get=\"/activities/panel?recordType=company&amp;recordId=" + id + "\"")
                .contains("hx-get=\"/files/panel?recordType=company&amp;recordId=" + id + "\"")
                .contains("hx-get=\"/companies/" + id + "/timeline\"");
        assertThat(browser.get("/api/v1/companies/" + id).body())
                .contains("\"domain\":\"acme.com\"", "\"tags\":[\"partner\",\"b2b\"]", "\"tier\":\"gold\"");

        browser.postForm("/companies", form("Beta Works", "beta.example", null));
        String list = browser.page("/companies?q=acme").body();
        assertThat(list).contains("Acme Corp", "acme.com", "51-200").doesNotContain("Beta Works");
        assertThat(browser.page("/companies?q=nobody-like-this").body()).contains("No companies match");
        String byTag = browser.page("/companies?ff=tag&fo=has&fv=partner").body();
        assertThat(byTag).contains("Acme Corp").doesNotContain("Beta Works").contains("value=\"partner\"");
        String byName = browser.page("/companies?sort=name").body();
        assertThat(byName.indexOf("Acme Corp")).isLessThan(byName.indexOf("Beta Works"));
        assertThat(byName).contains("aria-sort=\"ascending\"");
        String byDomainDown = browser.page("/companies?sort=-domain").body();
        assertThat(byDomainDown.indexOf("Beta Works")).isLessThan(byDomainDown.indexOf("Acme Corp"));
        assertThat(byDomainDown).contains("aria-sort=\"descending\"");
        assertThat(browser.page("/companies?ff=tag&fv=" + "x".repeat(300) + "&q=" + "y".repeat(300) + "&cursor=junk")
                        .statusCode())
                .as("unusable filters are ignored, not an error")
                .isEqualTo(200);

        Map<String, String> edit = form("Acme Corporation", "acme.com", 1);
        edit.put("size", "201-500");
        HttpResponse<String> saved = browser.postForm(path, edit);
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("?done=saved");
        assertThat(browser.get("/api/v1/companies/" + id).body())
                .as("inputs left empty clear their fields; the owner stays")
                .contains("\"size\":\"201-500\"", "\"tags\":[]", "\"ownerId\":\"" + owner.userId() + "\"");

        Map<String, String> late = form("Acme Late", "acme.com", 1);
        late.put("size", "201-500");
        HttpResponse<String> stale = browser.postForm(path, late);
        assertThat(stale.statusCode())
                .as("an edit on a stale version is refused")
                .isEqualTo(409);
        assertThat(stale.body())
                .contains("Someone changed this company")
                .as("names the fields that differ")
                .contains("differ from what you entered: Name")
                .contains("value=\"Acme Corporation\"");

        assertThat(browser.postForm(path + "/delete", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/companies?done=trashed");
        assertThat(browser.page("/companies").body()).doesNotContain("Acme Corporation");
        assertThat(browser.page("/companies/trash").body()).contains("Acme Corporation");
        String trashed = browser.page(path).body();
        assertThat(trashed).contains("This company is in the trash").doesNotContain("name=\"version\"");
        assertThat(browser.postForm(path + "/restore", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("?done=restored");
        assertThat(browser.page("/companies").body()).contains("Acme Corporation");
        assertThat(browser.page("/companies/trash").body()).contains("The trash is empty");
    }

    @Test
    void theListPagesOnWithACursor() {
        SignedUp owner = signUpAndVerify("Many Companies Co");
        for (int i = 0; i < 52; i++) {
            assertThat(owner.session()
                            .postJson("/api/v1/companies", "{\"name\":\"Firm %02d\"}".formatted(i))
                            .statusCode())
                    .isEqualTo(201);
        }
        String first = owner.session().page("/companies?sort=name").body();
        assertThat(first)
                .contains("Firm 00", "Firm 49")
                .doesNotContain("Firm 50")
                .contains("Next page");
        String next =
                first.replaceAll("(?s).*href=\"([^\"]*cursor=[^\"]*)\".*", "$1").replace("&amp;", "&");
        String second = owner.session().page(next).body();
        assertThat(second).contains("Firm 50", "Firm 51", "First page").doesNotContain("Firm 49");
    }

    @Test
    void readOnlyUsersSeeCompaniesButCannotChangeThem() {
        SignedUp owner = signUpAndVerify("Read Only Companies Co");
        String location = owner.session()
                .postForm("/companies", form("Grace Labs", "grace.example", null))
                .headers()
                .firstValue("Location")
                .orElse("");
        String path = location.substring(location.indexOf("/companies/"), location.indexOf('?'));
        Browserless viewer = inviteAndJoin(owner, "read-only").session();
        assertThat(viewer.page(path).body())
                .contains("Grace Labs")
                .doesNotContain("Move to trash")
                .doesNotContain("name=\"version\"");
        assertThat(viewer.page("/companies").body()).contains("Grace Labs").doesNotContain("href=\"/companies/new\"");
        assertThat(viewer.postForm(path + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(viewer.postForm(path, form("Mine", "", 1)).statusCode()).isEqualTo(403);
        assertThat(viewer.postForm("/companies", form("Mine", "", null)).statusCode())
                .isEqualTo(403);
        owner.session().postForm(path + "/delete", Map.of());
        assertThat(viewer.page("/companies/trash").body())
                .contains("Grace Labs")
                .doesNotContain(">Restore<");
    }

    @Test
    void membersSeeOnlyTheirOwnCompaniesWhenTheClientSaysSo() {
        SignedUp owner = signUpAndVerify("Company Visibility Co");
        Joined alice = inviteAndJoin(owner, "member");
        Joined bob = inviteAndJoin(owner, "member");
        String alices = Browserless.jsonField(
                alice.session()
                        .postJson("/api/v1/companies", "{\"name\":\"Alices Accounts\"}")
                        .body(),
                "id");
        assertThat(bob.session().get("/api/v1/companies/" + alices).statusCode())
                .isEqualTo(200);
        owner.session().patchJson("/api/v1/client", "{\"recordVisibility\":\"own\"}");

        Browserless bobs = bob.session();
        assertThat(bobs.get("/api/v1/companies/" + alices).statusCode()).isEqualTo(404);
        assertThat(bobs.get("/api/v1/companies?q=Alices").body()).doesNotContain(alices);
        assertThat(bobs.patchJson("/api/v1/companies/" + alices, "{\"name\":\"Mine now\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(bobs.delete("/api/v1/companies/" + alices).statusCode()).isEqualTo(404);
        assertThat(bobs.get("/api/v1/companies/" + alices + "/timeline").statusCode())
                .isEqualTo(404);
        assertThat(bobs.page("/companies/" + alices).statusCode()).isEqualTo(404);
        assertThat(bobs.page("/companies").body()).doesNotContain("Alices Accounts");
        assertThat(bobs.postJson("/api/v1/companies", "{\"name\":\"Bobs\",\"ownerId\":\"" + alice.userId() + "\"}")
                        .statusCode())
                .as("a member may still hand a company to a colleague")
                .isEqualTo(201);

        assertThat(alice.session().page("/companies").body()).contains("Alices Accounts");
        assertThat(owner.session().page("/companies").body()).contains("Alices Accounts");
        owner.session().patchJson("/api/v1/client", "{\"recordVisibility\":\"all\"}");
        assertThat(bobs.get("/api/v1/companies/" + alices).statusCode()).isEqualTo(200);
    }

    private static Map<String, String> form(String name, String domain, Integer version) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("domain", domain);
        for (String field : new String[] {
            "industry",
            "size",
            "street",
            "city",
            "region",
            "postalCode",
            "country",
            "phone",
            "website",
            "ownerId",
            "tags"
        }) {
            form.put(field, "");
        }
        if (version != null) {
            form.put("version", version.toString());
        }
        return form;
    }
}
