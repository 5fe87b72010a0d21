package io.team365.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.files.internal.FileNames;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import io.team365.tenancy.internal.TrashPurge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileApiTests extends IntegrationTest {

    @Autowired
    FileSettings settings;

    @Autowired
    Environment environment;

    @Autowired
    TrashPurge purge;

    SignedUp owner;
    FileClient api;
    String contactId;
    Joined readOnly;
    FileClient readOnlyApi;
    SignedUp other;
    FileClient otherApi;

    @BeforeAll
    void clients() {
        owner = signUpAndVerify("Files Ltd");
        api = FileClient.withToken(port, apiToken(owner.session()));
        contactId = contact(owner.session(), "Ada");
        readOnly = inviteAndJoin(owner, "read-only");
        readOnlyApi = FileClient.withToken(port, apiToken(readOnly.session()));
        other = signUpAndVerify("Other Files Ltd");
        otherApi = FileClient.withToken(port, apiToken(other.session()));
    }

    @Test
    void anUploadComesBackByteForByteWithItsChecksumAndSafeHeaders() throws Exception {
        byte[] pdf = pdf(200_000);
        HttpResponse<byte[]> created = upload(api, "contact", contactId, "Résumé 2026.pdf", pdf);

        assertThat(created.statusCode()).as(FileClient.text(created)).isEqualTo(201);
        String id = field(created, "id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/files/" + id);
        assertThat(FileClient.text(created))
                .contains("\"contentType\":\"application/pdf\"")
                .contains("\"size\":" + pdf.length)
                .contains("\"sha256\":\"" + sha256(pdf) + "\"")
                .contains("\"fileName\":\"Résumé 2026.pdf\"")
                .contains("\"recordType\":\"contact\"")
                .contains("\"uploadedBy\":\"" + owner.userId() + "\"");

        HttpResponse<byte[]> download = api.get("/api/v1/files/" + id + "/content");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(sha256(download.body())).isEqualTo(field(created, "sha256"));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("filename*=UTF-8''R%C3%A9sum%C3%A9%202026.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().allValues("Content-Security-Policy")).containsExactly("sandbox");

        Path blob = blob(owner.tenantId(), id);
        assertThat(Files.readAllBytes(blob)).isEqualTo(pdf);
        assertThat(blob.getParent().getFileName().toString())
                .isEqualTo(owner.tenantId().toString());

        HttpResponse<byte[]> metadata = api.get("/api/v1/files/" + id);
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(FileClient.text(metadata)).contains("\"contentUrl\":\"/api/v1/files/" + id + "/content\"");
        assertThat(FileClient.text(api.get("/api/v1/files?recordType=contact&recordId=" + contactId)))
                .contains(id)
                .contains("\"nextCursor\":null");
    }

    @Test
    void aRecordsFilesArePagedWithACursorWithoutGapsOrRepeats() {
        String contact = contact(owner.session(), "Paged");
        for (int i = 0; i < 5; i++) {
            assertThat(upload(api, "contact", contact, "note-" + i + ".txt", ("note " + i).getBytes())
                            .statusCode())
                    .isEqualTo(201);
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String json = FileClient.text(api.get("/api/v1/files?recordType=contact&recordId=" + contact + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            java.util.regex.Matcher names =
                    java.util.regex.Pattern.compile("\"fileName\":\"([^\"]+)\"").matcher(json);
            while (names.find()) {
                seen.add(names.group(1));
            }
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("\"nextCursor\":\"([^\"]+)\"")
                    .matcher(json);
            cursor = next.find() ? next.group(1) : null;
        } while (cursor != null);
        assertThat(seen).containsExactly("note-4.txt", "note-3.txt", "note-2.txt", "note-1.txt", "note-0.txt");
        assertThat(FileClient.text(api.get("/api/v1/files?recordType=contact&recordId=" + contact + "&sort=fileName")))
                .containsSubsequence("note-0.txt", "note-1.txt", "note-4.txt");
        assertThat(api.get("/api/v1/files?recordType=contact&recordId=" + contact + "&limit=201")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void filesOverTheLimitGetA413NamingTheLimitNotAResetConnection() {
        byte[] large = new byte[(int) settings.maxSize().toBytes() + 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, large, 0, 9);
        HttpResponse<byte[]> refused = upload(api, "contact", contactId, "huge.pdf", large);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(FileClient.text(refused)).contains("25 MB").contains("\"field\":\"file\"");
    }

    @Test
    void emptyFilesAndMissingFilesAreRefusedNamingTheFile() {
        HttpResponse<byte[]> empty = upload(api, "contact", contactId, "empty.txt", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(FileClient.text(empty)).contains("\"field\":\"file\"").contains("empty");

        HttpResponse<byte[]> missing = api.post(
                "/api/v1/files", new Multipart().field("recordType", "contact").field("recordId", contactId), Map.of());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(FileClient.text(missing)).contains("\"field\":\"file\"");
    }

    @Test
    void contentThatDoesNotMatchItsExtensionOrCouldRunIsRefused() throws IOException {
        byte[] html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes();
        assertRefused(upload(api, "contact", contactId, "invoice.pdf", html), "script");
        assertRefused(upload(api, "contact", contactId, "page.html", html), "HTML");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes();
        assertRefused(upload(api, "contact", contactId, "logo.svg", svg), "SVG");
        assertRefused(upload(api, "contact", contactId, "logo.txt", svg), "SVG");
        assertRefused(upload(api, "contact", contactId, "photo.pdf", png()), ".png");
        assertRefused(upload(api, "contact", contactId, "notes.pdf", "just text".getBytes()), ".pdf");
        assertRefused(upload(api, "contact", contactId, "setup.pdf", "MZ\u0090\u0000rest".getBytes()), "Programs");
        assertRefused(upload(api, "contact", contactId, "run.sh", "#!/bin/sh\necho hi\n".getBytes()), "Programs");
        assertRefused(upload(api, "contact", contactId, "binary.txt", new byte[] {'a', 0, 'b'}), "no type");
        assertRefused(upload(api, "contact", contactId, "README", "hello".getBytes()), "extension");

        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        HttpResponse<byte[]> word = upload(api, "contact", contactId, "letter.docx", docx);
        assertThat(word.statusCode()).isEqualTo(201);
        assertThat(FileClient.text(word))
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertRefused(upload(api, "contact", contactId, "letter.xlsx", docx), ".docx");
        HttpResponse<byte[]> csv = upload(
                api, "contact", contactId, "list.csv", "name;city\nÅsa;Malmö\n".getBytes(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(201);
        assertThat(FileClient.text(csv)).contains("text/csv; charset=utf-8");
        assertThat(upload(api, "contact", contactId, "photo.png", png()).statusCode())
                .isEqualTo(201);
    }

    @Test
    void fileNamesCannotClimbOutOfTheStoreAndLoseControlCharacters() {
        HttpResponse<byte[]> created = upload(api, "contact", contactId, "../../../../etc/passwd.txt", "x".getBytes());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(field(created, "fileName")).isEqualTo("passwd.txt");
        assertThat(Files.exists(blob(owner.tenantId(), field(created, "id")))).isTrue();
        HttpResponse<byte[]> windows = upload(api, "contact", contactId, "..\\\\..\\\\boot.ini.txt", "x".getBytes());
        assertThat(field(windows, "fileName")).isEqualTo("boot.ini.txt");

        assertThat(FileNames.clean("a\u202Egpj.exe.txt")).isEqualTo("agpj.exe.txt");
        assertThat(FileNames.clean("line\nbreak\u0000.txt")).isEqualTo("linebreak.txt");
        assertThat(FileNames.clean("..")).isEmpty();
        assertThat(FileNames.clean("what?<is>this.txt")).isEqualTo("what__is_this.txt");
        String longName = FileNames.clean("x".repeat(400) + ".pdf");
        assertThat(longName).hasSize(255).endsWith(".pdf");
    }

    @Test
    void anotherClientCanNeitherListNorDownloadNorDeleteEvenInSql() {
        String id = field(upload(api, "contact", contactId, "secret.txt", "secret".getBytes()), "id");

        assertThat(otherApi.get("/api/v1/files?recordType=contact&recordId=" + contactId)
                        .statusCode())
                .isEqualTo(404);
        assertThat(otherApi.get("/api/v1/files/" + id).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> download = otherApi.get("/api/v1/files/" + id + "/content");
        assertThat(download.statusCode()).isEqualTo(404);
        assertThat(FileClient.text(download)).doesNotContain("secret");
        assertThat(otherApi.send("DELETE", "/api/v1/files/" + id).statusCode()).isEqualTo(404);
        assertThat(otherApi.send("POST", "/api/v1/files/" + id + "/restore").statusCode())
                .isEqualTo(404);
        assertThat(upload(otherApi, "contact", contactId, "intruder.txt", "x".getBytes())
                        .statusCode())
                .isEqualTo(404);

        TenantId otherTenant = new TenantId(other.tenantId());
        assertThat(TenantContext.callAs(
                        otherTenant,
                        null,
                        () -> jdbc.sql("select count(*) from attachments where id = ?")
                                .param(UUID.fromString(id))
                                .query(Integer.class)
                                .single()))
                .isZero();
        assertThat(TenantContext.callAs(
                        otherTenant,
                        null,
                        () -> jdbc.sql("update attachments set file_name = 'x.txt' where id = ?")
                                .param(UUID.fromString(id))
                                .update()))
                .isZero();
        assertThat(TenantContext.callAs(
                        new TenantId(owner.tenantId()),
                        null,
                        () -> jdbc.sql("select file_name from attachments where id = ?")
                                .param(UUID.fromString(id))
                                .query(String.class)
                                .single()))
                .isEqualTo("secret.txt");
        assertThat(api.get("/api/v1/files/" + id + "/content").body()).isEqualTo("secret".getBytes());
    }

    @Test
    void readOnlyUsersDownloadButCannotUploadOrDelete() {
        String id = field(upload(api, "contact", contactId, "shared.txt", "shared".getBytes()), "id");

        assertThat(upload(readOnlyApi, "contact", contactId, "mine.txt", "x".getBytes())
                        .statusCode())
                .isEqualTo(403);
        assertThat(readOnlyApi.send("DELETE", "/api/v1/files/" + id).statusCode())
                .isEqualTo(403);
        assertThat(readOnlyApi.get("/api/v1/files/" + id + "/content").body()).isEqualTo("shared".getBytes());
        assertThat(FileClient.text(readOnlyApi.get("/api/v1/files?recordType=contact&recordId=" + contactId)))
                .contains(id);
    }

    @Test
    void trashAndRestoreAppearOnTheContactsTimeline() {
        String contact = contact(owner.session(), "Timeline");
        String id = field(upload(api, "contact", contact, "contract.pdf", pdf(1000)), "id");

        assertThat(api.send("DELETE", "/api/v1/files/" + id).statusCode()).isEqualTo(204);
        String list = "/api/v1/files?recordType=contact&recordId=" + contact;
        assertThat(FileClient.text(api.get(list))).doesNotContain(id);
        assertThat(FileClient.text(api.get(list + "&filter[deleted]=true"))).contains(id);
        assertThat(api.send("DELETE", "/api/v1/files/" + id).statusCode())
                .as("already in the trash")
                .isEqualTo(404);
        HttpResponse<byte[]> restored = api.send("POST", "/api/v1/files/" + id + "/restore");
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(FileClient.text(restored)).contains("\"deletedAt\":null");
        assertThat(FileClient.text(api.get(list))).contains(id);

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(owner.session()
                                .get("/api/v1/contacts/" + contact + "/timeline")
                                .body())
                        .contains("file.attached")
                        .contains("file.removed")
                        .contains("file.restored")
                        .contains("contract.pdf"));
        assertThat(owner.session().get("/contacts/" + contact + "/timeline").body())
                .contains("attached a file")
                .contains("contract.pdf");
    }

    @Test
    void purgedAttachmentsAndAttachmentsOfPurgedRecordsLoseTheirBytes() {
        TenantId tenant = new TenantId(owner.tenantId());
        String trashed = field(upload(api, "contact", contactId, "old.txt", "old".getBytes()), "id");
        String kept = field(upload(api, "contact", contactId, "kept.txt", "kept".getBytes()), "id");
        api.send("DELETE", "/api/v1/files/" + trashed);
        String doomedContact = contact(owner.session(), "Doomed");
        String ofDoomed = field(upload(api, "contact", doomedContact, "doomed.txt", "bye".getBytes()), "id");
        owner.session().delete("/api/v1/contacts/" + doomedContact);
        TenantContext.runAs(tenant, null, () -> {
            jdbc.sql("update attachments set deleted_at = now() - interval '31 days' where id = ?")
                    .param(UUID.fromString(trashed))
                    .update();
            jdbc.sql("update contacts set deleted_at = now() - interval '31 days' where id = ?")
                    .param(UUID.fromString(doomedContact))
                    .update();
        });
        assertThat(blob(owner.tenantId(), trashed)).exists();
        assertThat(blob(owner.tenantId(), ofDoomed)).exists();

        assertThat(purge.purge(tenant)).isGreaterThanOrEqualTo(2);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(blob(owner.tenantId(), trashed)).doesNotExist();
            assertThat(blob(owner.tenantId(), ofDoomed)).doesNotExist();
        });
        assertThat(api.get("/api/v1/files/" + trashed).statusCode()).isEqualTo(404);
        assertThat(TenantContext.callAs(
                        tenant,
                        null,
                        () -> jdbc.sql("select count(*) from attachments where id = ?")
                                .param(UUID.fromString(ofDoomed))
                                .query(Integer.class)
                                .single()))
                .isZero();
        assertThat(blob(owner.tenantId(), kept)).exists();
        assertThat(api.get("/api/v1/files/" + kept + "/content").body()).isEqualTo("kept".getBytes());
    }

    @Test
    void badRecordReferencesAreRefusedClearly() {
        HttpResponse<byte[]> unknownType = upload(api, "spaceship", contactId, "a.txt", "a".getBytes());
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(FileClient.text(unknownType)).contains("\"field\":\"recordType\"");
        HttpResponse<byte[]> badId = upload(api, "contact", "not-a-uuid", "a.txt", "a".getBytes());
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(FileClient.text(badId)).contains("recordId");
        assertThat(upload(api, "contact", UUID.randomUUID().toString(), "a.txt", "a".getBytes())
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/files?recordType=contact").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/files/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/files/nope").statusCode()).isEqualTo(400);
    }

    @Test
    void aRetriedUploadWithTheSameIdempotencyKeyIsStoredOnce() {
        Multipart body = new Multipart()
                .field("recordType", "contact")
                .field("recordId", contactId)
                .file("file", "once.txt", "text/plain", "once".getBytes());
        String key = UUID.randomUUID().toString();
        HttpResponse<byte[]> first = api.post("/api/v1/files", body, Map.of("Idempotency-Key", key));
        HttpResponse<byte[]> retry = api.post("/api/v1/files", body, Map.of("Idempotency-Key", key));

        assertThat(first.statusCode()).as(FileClient.text(first)).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(field(retry, "id")).isEqualTo(field(first, "id"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void theApiIsDocumented() {
        String docs = owner.session().get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/files", "/api/v1/files/{id}/content", "/api/v1/files/{id}/restore");
    }

    // helpers

    private static void assertRefused(HttpResponse<byte[]> response, String messagePart) {
        assertThat(response.statusCode()).as(FileClient.text(response)).isEqualTo(400);
        assertThat(FileClient.text(response)).contains("\"field\":\"file\"").contains(messagePart);
    }

    static HttpResponse<byte[]> upload(FileClient client, String type, String recordId, String name, byte[] bytes) {
        return client.post(
                "/api/v1/files",
                new Multipart()
                        .field("recordType", type)
                        .field("recordId", recordId)
                        .file("file", name, "application/octet-stream", bytes),
                Map.of());
    }

    static String contact(Browserless session, String name) {
        return Browserless.jsonField(
                session.postJson("/api/v1/contacts", "{\"firstName\":\"" + name + "\"}")
                        .body(),
                "id");
    }

    static String field(HttpResponse<byte[]> response, String name) {
        return Browserless.jsonField(FileClient.text(response), name);
    }

    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, bytes, 0, 9);
        return bytes;
    }

    static byte[] png() {
        byte[] bytes = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private Path blob(UUID tenant, String id) {
        return Path.of(environment.resolvePlaceholders(settings.directory()), tenant.toString(), id);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
