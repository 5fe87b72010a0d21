package io.team365.privacy.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Carrying requests out with the registry-driven engine: packages, erasure, rectification, restriction, objection. */
class RequestExecutionTests extends RequestSupport {

    private static String fileAndVerify(Browserless api, String type, String email) {
        String id = Browserless.jsonField(
                api.postJson("/api/v1/privacy/requests", json(type, email, null))
                        .body(),
                "id");
        HttpResponse<String> verified = api.postJson("/api/v1/privacy/requests/" + id + "/verify", "");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return id;
    }

    private static String contactWith(Browserless api, String email) {
        HttpResponse<String> created = api.postJson(
                "/api/v1/contacts",
                "{\"firstName\":\"Erin\",\"lastName\":\"Subject\",\"emails\":[{\"address\":\"" + email + "\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    @Test
    void anAccessPackageIsStoredDownloadedByAdminAndSubjectAndAudited() {
        SignedUp owner = signUpAndVerify("Package Co");
        Browserless api = owner.session();
        UUID client = owner.tenantId();
        String email = uniqueEmail("package");
        contactWith(api, email);
        Filed filed = file(client, "portability", email);
        HttpResponse<String> confirmed = confirm(filed.visitor(), client, filed.requestId(), filed.code());
        Matcher status = STATUS.matcher(confirmed.body());
        assertThat(status.find()).isTrue();
        String token = status.group(1);
        String id = filed.requestId();
        api.postJson("/api/v1/privacy/requests/" + id + "/verify", "");

        HttpResponse<String> executed = api.postJson("/api/v1/privacy/requests/" + id + "/execute", "");
        assertThat(executed.statusCode()).as(executed.body()).isEqualTo(200);
        assertThat(executed.body()).contains("\"status\":\"completed\"");
        String detail = api.get("/api/v1/privacy/requests/" + id).body();
        assertThat(detail)
                .contains("\"packageUrl\":\"/api/v1/privacy/requests/" + id + "/package\"")
                .contains("\"action\":\"started\"")
                .contains("\"action\":\"completed\"");
        HttpResponse<String> zip = api.get("/api/v1/privacy/requests/" + id + "/package");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(zip.body()).startsWith("PK");
        assertThat(client().get("/privacy/request/status/" + token).body())
                .contains("Completed")
                .contains("/privacy/request/status/" + token + "/package");
        HttpResponse<String> download = client().get("/privacy/request/status/" + token + "/package");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).startsWith("PK");
        assertThat(awaitMail(email, "completed your request")).contains("download it from the status page");
        assertThat(api.postJson("/api/v1/privacy/requests/" + id + "/execute", "")
                        .statusCode())
                .as("a completed request cannot be executed again")
                .isEqualTo(409);

        String audit = TenantContext.callAs(
                new TenantId(client),
                null,
                () -> jdbc.sql("select string_agg(details::text, ' ') from audit_events where target_id = ?"
                                + " and action = 'privacy-request.package-downloaded'")
                        .param(id)
                        .query(String.class)
                        .single());
        assertThat(audit).contains("\"by\": \"user\"").contains("\"by\": \"subject\"");

        try {
            clock.advance(RequestExecution.PACKAGE_LIFETIME.plus(Duration.ofHours(1)));
            assertThat(client().get("/privacy/request/status/" + token + "/package")
                            .statusCode())
                    .as("the download is time-limited")
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/privacy/requests/" + id + "/package").statusCode())
                    .isEqualTo(409);
        } finally {
            clock.reset();
        }
    }

    @Test
    void afterAnErasureTheRequestKeepsOnlyAHashOfTheAddressAndNoMailFollows() throws Exception {
        SignedUp owner = signUpAndVerify("Erasure Proof Co");
        Browserless api = owner.session();
        UUID client = owner.tenantId();
        String email = uniqueEmail("erased");
        contactWith(api, email);
        String earlier = Browserless.jsonField(
                api.postJson("/api/v1/privacy/requests", json("objection", email, "Stop the newsletter"))
                        .body(),
                "id");
        Filed unconfirmed = file(client, "access", email);
        Filed filed = file(client, "erasure", email);
        HttpResponse<String> confirmed = confirm(filed.visitor(), client, filed.requestId(), filed.code());
        Matcher status = STATUS.matcher(confirmed.body());
        assertThat(status.find()).isTrue();
        String id = filed.requestId();
        api.postJson("/api/v1/privacy/requests/" + id + "/verify", "");
        awaitMail(email, "will erase your data by");
        int mailsBefore = messagesTo(email).size();

        HttpResponse<String> executed = api.postJson("/api/v1/privacy/requests/" + id + "/execute", "");
        assertThat(executed.statusCode()).as(executed.body()).isEqualTo(200);
        assertThat(executed.body())
                .contains("\"status\":\"completed\"")
                .contains("\"subjectEmail\":null")
                .contains("\"subjectErased\":true");

        String hash = HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256").digest((client + email).getBytes(StandardCharsets.UTF_8)));
        TenantId tenant = new TenantId(client);
        List<String> rows = TenantContext.callAs(
                tenant,
                null,
                () -> jdbc.sql("select id || ' ' || coalesce(subject_email, '-') || ' ' || coalesce(subject_hash, '-')"
                                + " || ' ' || coalesce(details, '-') from privacy_requests where id in (?, ?, ?)"
                                + " order by id")
                        .param(UUID.fromString(id))
                        .param(UUID.fromString(earlier))
                        .param(UUID.fromString(unconfirmed.requestId()))
                        .query(String.class)
                        .list());
        assertThat(rows)
                .as("every request of the subject is kept as proof, with only the hash of their address")
                .hasSize(3)
                .allSatisfy(row -> assertThat(row).endsWith(" - " + hash + " -"));
        assertThat(TenantContext.callAs(
                        tenant,
                        null,
                        () -> jdbc.sql("select count(*) from privacy_requests where subject_email = ?")
                                .param(email)
                                .query(Long.class)
                                .single()))
                .isZero();
        assertThat(TenantContext.callAs(
                        tenant,
                        null,
                        () -> jdbc.sql("select count(*) from privacy_request_codes where request_id = ?")
                                .param(UUID.fromString(unconfirmed.requestId()))
                                .query(Long.class)
                                .single()))
                .as("their confirmation codes are gone")
                .isZero();
        assertThat(client().get("/privacy/request/status/" + status.group(1)).body())
                .as("the status link still shows the completion")
                .contains("Completed");
        Thread.sleep(1500);
        assertThat(messagesTo(email)).as("no mail after the erasure").hasSize(mailsBefore);
        assertThat(api.postJson("/api/v1/privacy/requests/" + earlier + "/verify", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/privacy/requests/" + earlier + "/execute", "")
                        .body())
                .as("an erased subject's other requests cannot be carried out")
                .contains("subject was erased");
    }

    @Test
    void aRectificationNamesTheRecordsToCorrectAndIsCompletedWithANote() {
        SignedUp owner = signUpAndVerify("Rectification Co");
        Browserless api = owner.session();
        String email = uniqueEmail("rectify");
        String contact = contactWith(api, email);
        String id = fileAndVerify(api, "rectification", email);
        HttpResponse<String> executed = api.postJson("/api/v1/privacy/requests/" + id + "/execute", "");
        assertThat(executed.statusCode()).as(executed.body()).isEqualTo(200);
        assertThat(executed.body()).contains("\"status\":\"in-progress\"").contains(contact);
        assertThat(api.postJson("/api/v1/privacy/requests/" + id + "/execute", "")
                        .body())
                .contains("complete it with a note");
        assertThat(api.postJson("/api/v1/privacy/requests/" + id + "/complete", "{\"note\":\" \"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> completed = api.postJson(
                "/api/v1/privacy/requests/" + id + "/complete", "{\"note\":\"Surname corrected on the contact\"}");
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(completed.body()).contains("\"status\":\"completed\"").contains("Surname corrected on the contact");
        assertThat(api.postJson("/api/v1/privacy/requests/" + id + "/complete", "{\"note\":\"again\"}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void restrictionAndObjectionCompleteWhenExecuted() {
        SignedUp owner = signUpAndVerify("Restriction Co");
        Browserless api = owner.session();
        String email = uniqueEmail("restrict");
        contactWith(api, email);
        for (String type : new String[] {"restriction", "objection"}) {
            String id = fileAndVerify(api, type, email);
            HttpResponse<String> executed = api.postJson("/api/v1/privacy/requests/" + id + "/execute", "");
            assertThat(executed.statusCode()).as(type + executed.body()).isEqualTo(200);
            assertThat(executed.body()).contains("\"status\":\"completed\"");
        }
        assertThat(api.get("/settings/privacy/requests?status=completed").body())
                .contains(email);
    }
}
