package io.team365.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input on every field of the upload, refused naming the field and storing nothing; other Clients see nothing. */
class ImportInputTests extends ImportTestSupport {

    private static final byte[] CSV = "firstName,email\nAna,ana@example.test\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        World world = world("Import Input Co");
        ImportClient api = world.api();

        assertProblem(api.upload("a.csv", null, ImportClient.fields("object", "contacts")), 400, "file");
        assertProblem(api.upload("a.csv", new byte[0], ImportClient.fields("object", "contacts")), 400, "file");
        assertProblem(api.upload("a.csv", CSV, ImportClient.fields("object", "planets")), 400, "object");
        assertProblem(api.upload("a.csv", CSV, ImportClient.fields()), 400, "object");
        assertProblem(
                api.upload("a.csv", CSV, ImportClient.fields("object", "contacts", "mapping", "{not json")),
                400,
                "mapping");
        assertProblem(
                api.upload(
                        "a.csv", CSV, ImportClient.fields("object", "contacts", "mapping", "{\"email\":\"shoeSize\"}")),
                400,
                "mapping.email");
        assertProblem(
                api.upload("a.csv", CSV, ImportClient.fields("object", "contacts", "mapping", "{\"Fax\":\"phone\"}")),
                400,
                "mapping.Fax");
        assertProblem(
                api.upload("a.csv", CSV, ImportClient.fields("object", "contacts", "mapping", "{\"email\":\"\"}")),
                400,
                "mapping");
        assertProblem(
                api.upload("a.csv", CSV, ImportClient.fields("object", "contacts", "onDuplicate", "merge")),
                400,
                "onDuplicate");
        assertProblem(
                api.upload("a.csv", CSV, ImportClient.fields("object", "contacts", "defaultRegion", "XX")),
                400,
                "defaultRegion");
        assertProblem(
                api.upload("a.csv", CSV, ImportClient.fields("object", "contacts", "consentBasis", "consent:spam")),
                400,
                "consentBasis");
        assertProblem(
                api.upload("a.csv", CSV, ImportClient.fields("object", "leads", "consentBasis", "consent:newsletter")),
                400,
                "consentBasis");
        assertProblem(
                api.upload(
                        "unknown.csv",
                        "Shoe,Hat\n1,2\n".getBytes(StandardCharsets.UTF_8),
                        ImportClient.fields("object", "contacts")),
                400,
                "mapping");
        HttpResponse<String> huge =
                api.upload("huge.csv", new byte[1024 * 1024 + 200 * 1024], ImportClient.fields("object", "contacts"));
        assertProblem(huge, 413, "file");
        assertThat(huge.body()).contains("1 MB");

        assertThat(count(world, "select count(*) from imports")).isZero();
        assertThat(count(world, "select count(*) from contacts")).isZero();
    }

    @Test
    void anotherClientCannotSeeOrTouchAnImport() {
        World owner = world("Import Owner Co");
        World stranger = world("Import Stranger Co");
        UUID id = start(owner, "firstName,email\nAna,not-an-email\n", "object", "contacts");
        awaitEnd(owner, id);

        assertThat(stranger.api().get("/api/v1/imports/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.api().get("/api/v1/imports/" + id + "/errors").statusCode())
                .isEqualTo(404);
        assertThat(stranger.api().post("/api/v1/imports/" + id + "/cancel").statusCode())
                .isEqualTo(404);
        assertThat(stranger.api().post("/api/v1/imports/" + id + "/undo").statusCode())
                .isEqualTo(404);
        assertThat(stranger.api().get("/api/v1/imports").body()).doesNotContain(id.toString());
        assertThat(owner.api().get("/api/v1/imports/" + id + "/errors").body()).contains("not-an-email");
        assertThat(owner.api().get("/api/v1/imports/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(owner.api().get("/api/v1/imports/not-an-id").statusCode()).isEqualTo(400);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    @SuppressWarnings("unused")
    private static Map<String, String> none() {
        return Map.of();
    }
}
