package io.team365.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The wizard in a browser session: upload, mapping step with the suggestion chosen, start, progress, report, undo. */
class ImportPageTests extends ImportTestSupport {

    @Test
    void aPersonImportsThroughTheWizardAndFollowsTheReport() {
        World world = world("Import Wizard Co");
        Browserless browser = world.session();

        String empty = browser.get("/imports").body();
        assertThat(empty).contains("No imports yet");
        assertThat(browser.get("/contacts").body()).contains("href=\"/imports/new?object=contacts\"");
        String form = browser.get("/imports/new?object=companies").body();
        assertThat(form)
                .contains("enctype=\"multipart/form-data\"")
                .contains("<progress")
                .contains("<option value=\"companies\" selected")
                .contains("<script src=\"/js/imports.js\" defer></script>");
        assertThat(browser.get("/js/imports.js").statusCode()).isEqualTo(200);

        HttpResponse<String> noFile = upload(browser, "contacts", null, null);
        assertThat(noFile.statusCode()).isEqualTo(422);
        assertThat(noFile.body()).contains("Choose a CSV or vCard file.");

        browser.postJson(
                "/api/v1/custom-fields",
                "{\"object\":\"contact\",\"key\":\"tier\",\"label\":\"Customer tier\",\"type\":\"text\"}");
        HttpResponse<String> uploaded =
                upload(browser, "contacts", "wizard.csv", "firstName,email,Notes\nWanda,wanda@example.test,hi\n");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        String mappingUrl = uploaded.headers().firstValue("Location").orElseThrow();
        String mapping = browser.get(mappingUrl.substring(mappingUrl.indexOf("/imports/mapping")))
                .body();
        assertThat(mapping)
                .contains("Wanda")
                .contains("<option value=\"firstName\" selected")
                .contains("<option value=\"email\" selected")
                .contains("name=\"onDuplicate\"")
                .contains("value=\"consent:newsletter\"");
        // people choose fields by their names, custom fields by their labels; the values posted stay the keys
        assertThat(mapping)
                .contains("<option value=\"firstName\" selected>First name</option>")
                .contains("<option value=\"jobTitle\">Job title</option>")
                .contains("<option value=\"notes\" selected>Notes (added as a note)</option>")
                .contains("<option value=\"custom.tier\">Customer tier</option>")
                .doesNotContain(">custom.tier</option>")
                .doesNotContainPattern("<option value=\"([a-z][A-Za-z.]*)\"[^>]*>\\1</option>");
        Matcher token = Pattern.compile("upload=([0-9a-f-]{36})").matcher(mappingUrl);
        assertThat(token.find()).isTrue();

        HttpResponse<String> started = browser.postForm(
                "/imports/start",
                Map.of(
                        "object", "contacts",
                        "upload", token.group(1),
                        "name", URLDecoder.decode("wizard.csv", StandardCharsets.UTF_8),
                        "column.firstName", "firstName",
                        "column.email", "email",
                        "column.Notes", "",
                        "onDuplicate", "skip",
                        "consentBasis", "none",
                        "saveAs", "My export"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        awaitEnd(world, id);

        String report = browser.get("/imports/" + id).body();
        assertThat(report).contains("wizard.csv").contains("Done").contains("/imports/" + id + "/undo");
        String fragment = browser.get("/imports/" + id + "/progress").body();
        assertThat(fragment).contains("id=\"import-progress\"").doesNotContain("hx-trigger");
        assertThat(count(world, "select count(*) from contacts where first_name = 'Wanda'"))
                .isEqualTo(1);
        assertThat(count(world, "select count(*) from import_mappings where name = 'My export'"))
                .isEqualTo(1);
        assertThat(browser.get("/imports").body()).contains("wizard.csv");

        // a second upload of the same layout offers the saved mapping
        HttpResponse<String> again =
                upload(browser, "contacts", "again.csv", "firstName,email,Notes\nXena,xena@example.test,x\n");
        String againUrl = again.headers().firstValue("Location").orElseThrow();
        String againPath = againUrl.substring(againUrl.indexOf("/imports/mapping"));
        assertThat(browser.get(againPath).body())
                .contains("My export")
                .as("left alone, the Notes column is suggested as notes")
                .contains("<option value=\"notes\" selected>");
        UUID saved = value(world, "select id from import_mappings where name = 'My export'", UUID.class);
        String applied = browser.get(againPath + "&saved=" + saved).body();
        assertThat(applied)
                .as("the saved mapping leaves Notes out, as it was saved, and keeps the others")
                .doesNotContain("<option value=\"notes\" selected>")
                .contains("<option value=\"firstName\" selected>", "<option value=\"email\" selected>")
                .contains("<option value=\"" + saved + "\" selected>My export</option>");

        // a saved mapping can be deleted from the same step; another Client cannot delete it
        Matcher againToken = Pattern.compile("upload=([0-9a-f-]{36})").matcher(againUrl);
        assertThat(againToken.find()).isTrue();
        Map<String, String> back = Map.of("object", "contacts", "upload", againToken.group(1), "name", "again.csv");
        World stranger = world("Wizard Stranger Co");
        assertThat(stranger.session()
                        .postForm("/imports/mappings/" + saved + "/delete", back)
                        .statusCode())
                .isEqualTo(404);
        assertThat(count(world, "select count(*) from import_mappings where id = ?", saved))
                .isEqualTo(1);
        HttpResponse<String> deleted = browser.postForm("/imports/mappings/" + saved + "/delete", back);
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("Location").orElseThrow())
                .contains("/imports/mapping?object=contacts&upload=" + againToken.group(1));
        assertThat(count(world, "select count(*) from import_mappings where id = ?", saved))
                .isZero();
        assertThat(browser.get(againPath).body()).doesNotContain("My export");

        // a label with an apostrophe, through MessageFormat
        HttpResponse<String> deals = upload(browser, "deals", "deals.csv", "name,contactEmail\nBig,a@example.test\n");
        String dealsUrl = deals.headers().firstValue("Location").orElseThrow();
        assertThat(browser.get(dealsUrl.substring(dealsUrl.indexOf("/imports/mapping")))
                        .body())
                .containsPattern("<option value=\"contactEmail\" selected>Contact(&#39;|')s email</option>")
                .doesNotContain("Contact''s");

        HttpResponse<String> undone = browser.postForm("/imports/" + id + "/undo", Map.of());
        assertThat(undone.statusCode()).isEqualTo(302);
        assertThat(count(world, "select count(*) from contacts where first_name = 'Wanda' and deleted_at is null"))
                .isZero();
        assertThat(browser.get("/imports/" + id).body()).contains("Undone");
    }

    private static HttpResponse<String> upload(Browserless browser, String object, String fileName, String csv) {
        String boundary = "----wizard" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder body = new StringBuilder();
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"object\"\r\n\r\n")
                .append(object)
                .append("\r\n");
        if (csv != null) {
            body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(fileName)
                    .append("\"\r\nContent-Type: text/csv\r\n\r\n")
                    .append(csv)
                    .append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return browser.send("POST", "/imports/upload", "multipart/form-data; boundary=" + boundary, body.toString());
    }
}
