package io.team365.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A contact works at a company: linked by id in the API and by a picker on the form, shown on both pages. */
class ContactCompanyLinkTests extends IntegrationTest {

    @Test
    void contactsLinkToCompaniesOfTheirOwnClientOnly() {
        SignedUp owner = signUpAndVerify("Link Co");
        SignedUp stranger = signUpAndVerify("Link Stranger Co");
        Browserless api = owner.session();
        String acme = Browserless.jsonField(
                api.postJson("/api/v1/companies", "{\"name\":\"Acme Tools\",\"domain\":\"acme.example\"}")
                        .body(),
                "id");
        String theirs = Browserless.jsonField(
                stranger.session()
                        .postJson("/api/v1/companies", "{\"name\":\"Secret Corp\"}")
                        .body(),
                "id");

        HttpResponse<String> linked =
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Lin\",\"companyId\":\"" + acme + "\"}");
        assertThat(linked.statusCode()).isEqualTo(201);
        assertThat(linked.body()).contains("\"companyId\":\"" + acme + "\"");
        HttpResponse<String> foreign =
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Lin\",\"companyId\":\"" + theirs + "\"}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("\"field\":\"companyId\"").doesNotContain("Secret");
        String lin = Browserless.jsonField(linked.body(), "id");
        assertThat(api.get("/api/v1/contacts?filter[companyId]=" + acme).body()).contains(lin);

        String panel =
                api.page("/contacts/panel?recordType=company&recordId=" + acme).body();
        assertThat(panel).contains("Lin").contains("/contacts/new?companyId=" + acme);
        assertThat(stranger.session()
                        .page("/contacts/panel?recordType=company&recordId=" + acme)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.page("/contacts/" + lin).body()).contains("Acme Tools").contains("/companies/" + acme);
        String timeline = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> api.page("/contacts/" + lin + "/timeline").body(), body -> body.contains("<ins>"));
        assertThat(timeline)
                .as("the history keeps ids; the page names the company and the owner")
                .contains("<ins>Acme Tools</ins>")
                .doesNotContain("<ins>" + acme + "</ins>")
                .doesNotContain("<ins>" + owner.userId() + "</ins>");
        assertThat(api.page("/contacts?cols=company").body()).contains(">Acme Tools</a>");

        assertThat(api.page("/companies/options?companyQuery=acm").body())
                .contains("value=\"" + acme + "\"")
                .doesNotContain("Secret");
        String form = api.page("/contacts/new?companyId=" + acme).body();
        assertThat(form).contains("<option value=\"" + acme + "\" selected>Acme Tools</option>");
        HttpResponse<String> created = api.postForm(
                "/contacts",
                Map.of(
                        "firstName",
                        "Pia",
                        "lastName",
                        "",
                        "email",
                        "",
                        "phone",
                        "",
                        "jobTitle",
                        "",
                        "companyId",
                        acme,
                        "tags",
                        "",
                        "source",
                        ""));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/contacts?filter[companyId]=" + acme).body()).contains("Pia");
        HttpResponse<String> bad = api.postForm(
                "/contacts",
                Map.of(
                        "firstName",
                        "Pia",
                        "lastName",
                        "",
                        "email",
                        "",
                        "phone",
                        "",
                        "jobTitle",
                        "",
                        "companyId",
                        "not-an-id",
                        "tags",
                        "",
                        "source",
                        ""));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("companyId-error");
    }
}
