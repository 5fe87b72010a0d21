package io.team365.files;

import static io.team365.files.FileApiTests.contact;
import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilePanelTests extends IntegrationTest {

    SignedUp owner;
    FileClient browser;
    Joined readOnly;
    FileClient readOnlyBrowser;

    @BeforeAll
    void people() {
        owner = signUpAndVerify("Panel Files Ltd");
        browser = FileClient.signedIn(port, owner.email(), owner.password());
        readOnly = inviteAndJoin(owner, "read-only");
        readOnlyBrowser = FileClient.signedIn(port, readOnly.email(), readOnly.password());
    }

    @Test
    void anEmptyPanelSaysWhatToDoAndOffersTheUploadForm() {
        String contact = contact(owner.session(), "Empty");
        HttpResponse<byte[]> fragment = browser.get(panel(contact), Map.of("HX-Request", "true"));

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(FileClient.text(fragment))
                .doesNotContain("<html")
                .contains("No files yet")
                .contains("enctype=\"multipart/form-data\"")
                .contains("<progress")
                .contains("name=\"recordId\" value=\"" + contact + "\"")
                .contains("name=\"returnTo\" value=\"/contacts/" + contact + "\"");

        HttpResponse<byte[]> page = browser.get(panel(contact));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(FileClient.text(page))
                .contains("<html")
                .contains("<script src=\"/js/files.js\" defer></script>")
                .contains("href=\"/contacts/" + contact + "\"");
        assertThat(browser.get("/js/files.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aPlainFormPostWithTheTokenInTheBodyUploadsAndGoesBackToTheRecord() {
        String contact = contact(owner.session(), "Plain");
        HttpResponse<byte[]> posted = browser.post(
                "/files",
                form(contact, "/contacts/" + contact, browser.csrfToken())
                        .file("file", "minutes.txt", "text/plain", "twelve bytes".getBytes()),
                Map.of());

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/contacts/" + contact);
        String shown = FileClient.text(browser.get(panel(contact), Map.of("HX-Request", "true")));
        assertThat(shown)
                .contains("minutes.txt")
                .contains("12 B")
                .contains("TXT")
                .contains("Olive Owner")
                .contains("/content\" download");
    }

    @Test
    void uploadsWithoutACsrfTokenAreRefusedAndStoreNothing() {
        String contact = contact(owner.session(), "Forged");
        HttpResponse<byte[]> forged = browser.post(
                "/files",
                form(contact, "/contacts/" + contact, null).file("file", "forged.txt", "text/plain", "x".getBytes()),
                Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(FileClient.text(browser.get(panel(contact), Map.of("HX-Request", "true"))))
                .doesNotContain("forged.txt")
                .contains("No files yet");
    }

    @Test
    void theScriptsBackgroundUploadSendsTheTokenAsAHeaderAndGetsThePanelBack() {
        String contact = contact(owner.session(), "Background");
        HttpResponse<byte[]> uploaded = browser.post(
                "/files",
                form(contact, "/contacts/" + contact, null)
                        .file("file", "scan.pdf", "application/pdf", FileApiTests.pdf(3000)),
                Map.of("X-CSRF-TOKEN", browser.csrfToken(), "HX-Request", "true"));

        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(FileClient.text(uploaded))
                .doesNotContain("<html")
                .contains("data-files-panel")
                .contains("scan.pdf")
                .contains("2.9 KB")
                .contains("The file was attached.");

        HttpResponse<byte[]> refused = browser.post(
                "/files",
                form(contact, "/contacts/" + contact, null)
                        .file("file", "logo.svg", "image/svg+xml", "<svg onload=\"alert(1)\"/>".getBytes()),
                Map.of("X-CSRF-TOKEN", browser.csrfToken(), "HX-Request", "true"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(FileClient.text(refused))
                .contains("aria-invalid=\"true\"")
                .contains("SVG")
                .contains("scan.pdf");
    }

    @Test
    void aReturnPathMustStayOnTheSite() {
        String contact = contact(owner.session(), "Return");
        for (String evil : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example"}) {
            HttpResponse<byte[]> posted = browser.post(
                    "/files",
                    form(contact, evil, browser.csrfToken()).file("file", "a.txt", "text/plain", "a".getBytes()),
                    Map.of());
            assertThat(posted.statusCode()).isEqualTo(302);
            assertThat(posted.headers().firstValue("Location").orElseThrow())
                    .doesNotContain("evil")
                    .contains("/files/panel?recordType=contact&recordId=" + contact);
        }
    }

    @Test
    void deletingAsksOnceAndCanBeUndone() {
        String contact = contact(owner.session(), "Undo");
        String id = FileApiTests.field(
                browser.post(
                        "/api/v1/files",
                        form(contact, null, null).file("file", "draft.txt", "text/plain", "draft".getBytes()),
                        Map.of("X-CSRF-TOKEN", browser.csrfToken())),
                "id");
        String shown = FileClient.text(browser.get(panel(contact), Map.of("HX-Request", "true")));
        assertThat(shown).contains("action=\"/files/" + id + "/delete\"").contains("data-confirm=");

        HttpResponse<byte[]> deleted = browser.postForm(
                "/files/" + id + "/delete",
                Map.of("_csrf", browser.csrfToken(), "returnTo", "/contacts/" + contact),
                Map.of("HX-Request", "true"));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(FileClient.text(deleted))
                .contains("The file was moved to the trash.")
                .contains("action=\"/files/" + id + "/restore\"")
                .doesNotContain("draft.txt</a>");

        HttpResponse<byte[]> restored = browser.postForm(
                "/files/" + id + "/restore",
                Map.of("_csrf", browser.csrfToken(), "returnTo", "/contacts/" + contact),
                Map.of());
        assertThat(restored.statusCode()).isEqualTo(302);
        assertThat(restored.headers().firstValue("Location").orElseThrow()).endsWith("/contacts/" + contact);
        assertThat(FileClient.text(browser.get(panel(contact), Map.of("HX-Request", "true"))))
                .contains("draft.txt</a>");
    }

    @Test
    void readOnlyUsersSeeAndDownloadButGetNoEditControls() {
        String contact = contact(owner.session(), "Viewer");
        String id = FileApiTests.field(
                browser.post(
                        "/api/v1/files",
                        form(contact, null, null).file("file", "brief.txt", "text/plain", "brief".getBytes()),
                        Map.of("X-CSRF-TOKEN", browser.csrfToken())),
                "id");

        String shown = FileClient.text(readOnlyBrowser.get(panel(contact), Map.of("HX-Request", "true")));
        assertThat(shown)
                .contains("brief.txt")
                .doesNotContain("enctype=\"multipart/form-data\"")
                .doesNotContain("/delete\"");
        assertThat(readOnlyBrowser.get("/api/v1/files/" + id + "/content").body())
                .isEqualTo("brief".getBytes());
        assertThat(readOnlyBrowser
                        .post(
                                "/files",
                                form(contact, null, readOnlyBrowser.csrfToken())
                                        .file("file", "mine.txt", "text/plain", "x".getBytes()),
                                Map.of())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void panelsOfRecordsThatAreNotThereAreNotFound() {
        SignedUp stranger = signUpAndVerify("Stranger Files Ltd");
        String theirs = contact(stranger.session(), "Theirs");
        assertThat(browser.get(panel(theirs)).statusCode()).isEqualTo(404);
        assertThat(browser.get("/files/panel?recordType=spaceship&recordId=" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.post(
                                "/files",
                                form(theirs, null, browser.csrfToken())
                                        .file("file", "a.txt", "text/plain", "a".getBytes()),
                                Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    private static String panel(String contact) {
        return "/files/panel?recordType=contact&recordId=" + contact;
    }

    private static Multipart form(String contact, String returnTo, String csrf) {
        Multipart form = new Multipart();
        if (csrf != null) {
            form.field("_csrf", csrf);
        }
        form.field("recordType", "contact").field("recordId", contact);
        if (returnTo != null) {
            form.field("returnTo", returnTo);
        }
        return form;
    }
}
