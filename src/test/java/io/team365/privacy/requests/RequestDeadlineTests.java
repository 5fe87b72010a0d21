package io.team365.privacy.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deadlines with a moving clock, extensions up to the two-month cap, and the Settings queue and pages. */
class RequestDeadlineTests extends RequestSupport {

    @Test
    void dueSoonAndOverdueShowInWordsAndExtensionsStopAtTwoMonths() {
        SignedUp owner = signUpAndVerify("Deadline Co");
        Browserless api = owner.session();
        assertThat(api.get("/settings/privacy/requests").body())
                .as("a clear empty state")
                .contains("No open requests");
        String subject = uniqueEmail("deadline");
        HttpResponse<String> filed = api.postJson("/api/v1/privacy/requests", json("access", subject, null));
        String id = Browserless.jsonField(filed.body(), "id");
        Instant original = Instant.parse(Browserless.jsonField(filed.body(), "dueAt"));
        Instant cap = original.atZone(ZoneOffset.UTC).plusMonths(2).toInstant();
        assertThat(Browserless.jsonField(filed.body(), "urgency")).isEqualTo("none");
        assertThat(api.get("/settings/privacy/requests").body())
                .contains(subject)
                .doesNotContain("Due soon:")
                .doesNotContain("Overdue by");
        try {
            clock.advance(Duration.ofDays(25));
            assertThat(api.get("/settings/privacy/requests").body())
                    .as("due within 7 days, said in words")
                    .containsPattern("Due soon: [1-7] days left");
            assertThat(api.get("/api/v1/privacy/requests").body()).contains("\"urgency\":\"due-soon\"");

            clock.advance(Duration.ofDays(10));
            assertThat(api.get("/settings/privacy/requests").body()).containsPattern("Overdue by [1-7] days");
            assertThat(api.get("/api/v1/privacy/requests/" + id).body()).contains("\"urgency\":\"overdue\"");

            HttpResponse<String> beyondCap = api.postJson(
                    "/api/v1/privacy/requests/" + id + "/extend",
                    "{\"reason\":\"Large archive\",\"until\":\"" + cap.plusSeconds(60) + "\"}");
            assertThat(beyondCap.statusCode()).isEqualTo(400);
            assertThat(beyondCap.body()).contains("\"field\":\"until\"").contains("two months beyond");
            HttpResponse<String> earlier = api.postJson(
                    "/api/v1/privacy/requests/" + id + "/extend",
                    "{\"reason\":\"Large archive\",\"until\":\"" + original.minusSeconds(3600) + "\"}");
            assertThat(earlier.statusCode()).isEqualTo(400);
            assertThat(earlier.body()).contains("later than the current one");

            Instant firstExtension =
                    original.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
            HttpResponse<String> extended = api.postJson(
                    "/api/v1/privacy/requests/" + id + "/extend",
                    "{\"reason\":\"Your data spans three archived systems.\",\"until\":\"" + firstExtension + "\"}");
            assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
            assertThat(Instant.parse(Browserless.jsonField(extended.body(), "dueAt")))
                    .isEqualTo(firstExtension);
            assertThat(Browserless.jsonField(extended.body(), "urgency")).isEqualTo("none");
            assertThat(awaitMail(subject, "needs more time"))
                    .as("the subject is emailed the reason")
                    .contains("Your data spans three archived systems.");

            // the cap's own day may be named; it means the cap itself
            String capDay = LocalDate.ofInstant(cap, ZoneOffset.UTC).toString();
            HttpResponse<String> toCap = api.postJson(
                    "/api/v1/privacy/requests/" + id + "/extend",
                    "{\"reason\":\"Still restoring backups.\",\"until\":\"" + capDay + "\"}");
            assertThat(toCap.statusCode()).as(toCap.body()).isEqualTo(200);
            assertThat(Instant.parse(Browserless.jsonField(toCap.body(), "dueAt")))
                    .isEqualTo(cap);
            HttpResponse<String> more = api.postJson(
                    "/api/v1/privacy/requests/" + id + "/extend",
                    "{\"reason\":\"More\",\"until\":\""
                            + LocalDate.ofInstant(cap, ZoneOffset.UTC).plusDays(1) + "\"}");
            assertThat(more.statusCode())
                    .as("two months in total, however many extensions")
                    .isEqualTo(400);

            TenantId tenant = new TenantId(owner.tenantId());
            String stored = TenantContext.callAs(
                    tenant,
                    null,
                    () -> jdbc.sql("select original_due_at || ' ' || due_at from privacy_requests where id = ?")
                            .param(UUID.fromString(id))
                            .query(String.class)
                            .single());
            String expected = TenantContext.callAs(
                    tenant,
                    null,
                    () -> jdbc.sql("select ?::timestamptz || ' ' || ?::timestamptz")
                            .param(original.toString())
                            .param(cap.toString())
                            .query(String.class)
                            .single());
            assertThat(stored).isEqualTo(expected);
            assertThat(TenantContext.callAs(
                            tenant,
                            null,
                            () -> jdbc.sql("select count(*) from privacy_request_history where request_id = ?"
                                            + " and action = 'extended' and reason is not null")
                                    .param(UUID.fromString(id))
                                    .query(Long.class)
                                    .single()))
                    .isEqualTo(2);
            String page = api.get("/settings/privacy/requests/" + id).body();
            assertThat(page)
                    .contains("Deadline extended")
                    .contains("Still restoring backups.")
                    .contains("originally due")
                    .contains("Olive Owner");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theSettingsPagesFileFilterAndStepThroughARequest() {
        SignedUp owner = signUpAndVerify("Settings Requests Co");
        Browserless admin = owner.session();
        HttpResponse<String> form = admin.get("/settings/privacy/requests/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"subjectEmail\"").contains("type=\"radio\"");

        HttpResponse<String> bad =
                admin.postForm("/settings/privacy/requests", Map.of("type", "", "subjectEmail", "nope", "details", ""));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Please correct the fields").contains("Enter a valid email address");

        String subject = uniqueEmail("settings");
        HttpResponse<String> filed = admin.postForm(
                "/settings/privacy/requests",
                Map.of("type", "restriction", "subjectEmail", subject, "details", "Phoned in\non Monday"));
        assertThat(filed.statusCode()).isEqualTo(302);
        String location = filed.headers().firstValue("Location").orElseThrow();
        String id = location.replaceAll(".*/settings/privacy/requests/([0-9a-f-]{36}).*", "$1");
        String detail =
                admin.get("/settings/privacy/requests/" + id + "?done=filed").body();
        assertThat(detail)
                .contains("The request was filed")
                .contains(subject)
                .contains("Phoned in\non Monday")
                .contains("Identity checked: verify")
                .contains("/settings/privacy/requests/" + id + "/refuse");

        assertThat(admin.postForm("/settings/privacy/requests/" + id + "/verify", Map.of())
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> twice = admin.postForm("/settings/privacy/requests/" + id + "/verify", Map.of());
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("verified already");
        HttpResponse<String> noReason =
                admin.postForm("/settings/privacy/requests/" + id + "/refuse", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Please correct the fields");
        assertThat(admin.postForm("/settings/privacy/requests/" + id + "/refuse", Map.of("reason", "Duplicate"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(admin.get("/settings/privacy/requests").body())
                .as("the open queue no longer lists it")
                .doesNotContain(subject);
        assertThat(admin.get("/settings/privacy/requests?status=refused").body())
                .contains(subject);
        assertThat(admin.get("/settings/privacy/requests?status=completed").body())
                .contains("No requests in this state.");
        String done = admin.get("/settings/privacy/requests/" + id).body();
        assertThat(done)
                .contains("Identity verified")
                .contains("Refused")
                .contains("Duplicate")
                .doesNotContain("/settings/privacy/requests/" + id + "/refuse\"");
        assertThat(admin.get("/settings/privacy/requests/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(awaitMail(subject, "refused your request")).contains("Duplicate");
    }
}
