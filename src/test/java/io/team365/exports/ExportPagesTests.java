package io.team365.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportPagesTests extends IntegrationTest {

    private static final Pattern EXPORT_PAGE = Pattern.compile("/exports/([0-9a-f-]{36})$");

    SignedUp owner;
    Browserless session;

    @BeforeAll
    void aClientWithContacts() {
        owner = signUpAndVerify("Export Pages Co");
        session = owner.session();
        Browserless api = apiClient(session);
        for (String name : List.of("Page", "Pager", "Other")) {
            assertThat(api.postJson(
                                    "/api/v1/contacts",
                                    "{\"firstName\":\"%s\",\"lastName\":\"Lister\",\"tags\":[\"%s\"]}"
                                            .formatted(name, name.equals("Other") ? "no" : "pick"))
                            .statusCode())
                    .isEqualTo(201);
        }
    }

    @Test
    void yourExportsStartsEmpty() {
        SignedUp fresh = signUpAndVerify("Export Empty Co");
        HttpResponse<String> mine = fresh.session().page("/settings/exports");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("You have not exported anything yet");
    }

    @Test
    void theListsExportButtonCarriesTheFilterToTheFormAndThePageShowsProgressThenTheDownload() {
        HttpResponse<String> list = session.page("/contacts?ff=tag&fo=has&fv=pick&q=lister");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains(
                        "href=\"/exports/new/contacts?q=lister&amp;sort=-updatedAt&amp;ff=tag&amp;fo=has&amp;fv=pick\"");
        for (String path : List.of("/companies", "/leads", "/deals/list")) {
            assertThat(session.page(path).body()).as(path).contains("/exports/new/");
        }

        HttpResponse<String> form = session.page("/exports/new/contacts?q=lister&ff=tag&fo=has&fv=pick");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("name=\"q\" value=\"lister\"", "name=\"ff\" value=\"tag\"", "name=\"fv\" value=\"pick\"")
                .contains("value=\"vcf\"", "value=\"json\"", "value=\"csv\"");
        assertThat(session.page("/exports/new/deals").body()).doesNotContain("value=\"vcf\"");
        assertThat(session.page("/exports/new/users").statusCode()).isEqualTo(404);

        HttpResponse<String> started = session.postFormPairs(
                "/exports",
                List.of(
                        Map.entry("object", "contacts"),
                        Map.entry("format", "csv"),
                        Map.entry("q", "lister"),
                        Map.entry("ff", "tag"),
                        Map.entry("fo", "has"),
                        Map.entry("fv", "pick")));
        assertThat(started.statusCode()).isEqualTo(302);
        Matcher page =
                EXPORT_PAGE.matcher(started.headers().firstValue("Location").orElseThrow());
        assertThat(page.find()).isTrue();
        String id = page.group(1);

        String progress = awaitFinished(id);
        assertThat(progress)
                .doesNotContain("hx-trigger")
                .contains("href=\"/exports/" + id + "/file\"", "2 rows exported");
        HttpResponse<String> shown = session.page("/exports/" + id);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"export-progress\"");
        HttpResponse<String> file = session.get("/exports/" + id + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(file.body()).contains(",Page,Lister,", ",Pager,Lister,").doesNotContain("Other");

        assertThat(session.page("/settings/exports").body()).contains("/exports/" + id);
    }

    @Test
    void aRunningExportAsksToBePolledEverySecond() {
        java.util.UUID id = java.util.UUID.randomUUID();
        TenantContext.runAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql("""
                        insert into exports (tenant_id, id, created_by, object, format, status, total, processed,
                            created_at)
                        values (?, ?, ?, 'contacts', 'json', 'running', 10, 4, now())""").params(owner.tenantId(), id, owner.userId()).update());
        String progress = session.get("/exports/" + id + "/progress").body();
        assertThat(progress)
                .contains("hx-trigger=\"every 1s\"", "hx-get=\"/exports/" + id + "/progress\"")
                .contains("<progress max=\"100\" value=\"40\">", "4 of 10 rows written", "Cancel export");
        assertThat(session.page("/exports/" + id).body()).contains("hx-trigger=\"every 1s\"");
        HttpResponse<String> cancelled = session.postForm("/exports/" + id + "/cancel", Map.of());
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(session.get("/exports/" + id + "/progress").body())
                .contains("Export cancelled.")
                .doesNotContain("hx-trigger");
    }

    @Test
    void aBadFormatIsShownOnTheFormAndNothingStarts() {
        long before = TenantContext.callAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql("select count(*) from exports").query(Long.class).single());
        HttpResponse<String> refused = session.postForm("/exports", Map.of("object", "deals", "format", "vcf"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("vCard holds people only");
        long after = TenantContext.callAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql("select count(*) from exports").query(Long.class).single());
        assertThat(after).isEqualTo(before);
    }

    private String awaitFinished(String id) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            String progress = session.get("/exports/" + id + "/progress").body();
            if (progress.contains("Ready")) {
                return progress;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("export " + id + " did not finish");
    }
}
