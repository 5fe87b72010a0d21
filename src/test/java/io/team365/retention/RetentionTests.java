package io.team365.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Retention at the SQL level: the preview's counts are exactly what the run then deletes or anonymises, anonymised
 * leads keep no personal value, nothing of another Client is touched, and the rules refuse periods out of bounds.
 */
class RetentionTests extends IntegrationTest {

    private static final Pattern PREVIEW_ITEM = Pattern.compile("\"key\":\"([a-z.-]+)\"[^}]*?\"count\":(\\d+)");
    private static final Pattern RESULT_ITEM = Pattern.compile("\"key\":\"([a-z.-]+)\"[^}]*?\"touched\":(\\d+)");

    @Test
    void thePreviewCountsAreExactlyWhatTheRunThenDoesAndOnlyInTheOneClient() {
        SignedUp owner = signUpAndVerify("Retention Co");
        SignedUp other = signUpAndVerify("Retention Neighbour Co");
        TenantId tenant = new TenantId(owner.tenantId());
        TenantId otherTenant = new TenantId(other.tenantId());
        Browserless api = owner.session();

        String oldLead = lead(api, "Zelda", "Zimmer", "zelda.zimmer@example.test");
        String oldUnqualified = lead(api, "Yorick", "Yellow", "yorick@example.test");
        String freshLead = lead(api, "Xaver", "Xylo", "xaver@example.test");
        String trashedLead = lead(api, "Wanda", "Waste", "wanda@example.test");
        api.delete("/api/v1/leads/" + trashedLead);
        String oldTrash = contact(api, "Old Trash");
        String freshTrash = contact(api, "Fresh Trash");
        api.delete("/api/v1/contacts/" + oldTrash);
        api.delete("/api/v1/contacts/" + freshTrash);
        String neighbourLead = lead(other.session(), "Nora", "Neighbour", "nora@example.test");
        String neighbourTrash = contact(other.session(), "Neighbour Trash");
        other.session().delete("/api/v1/contacts/" + neighbourTrash);
        inTenant(
                tenant,
                () -> jdbc.sql("update leads set status = 'unqualified', unqualified_reason = 'No budget'"
                                + " where id = ?")
                        .param(UUID.fromString(oldUnqualified))
                        .update());
        UUID oldMail = sentMail(tenant, Instant.now());
        UUID neighbourMail = sentMail(otherTenant, Instant.now());
        inTenant(
                tenant,
                () -> jdbc.sql("insert into idempotency_keys (tenant_id, user_id, key, request_hash)"
                                + " values (?, ?, 'retry-1', 'hash')")
                        .params(owner.tenantId(), owner.userId())
                        .update());

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        count(tenant, "select count(*) from timeline_entries where record_id = '" + oldLead + "'") > 0);

        clock.advance(Duration.ofDays(25 * 31));
        try {
            Timestamp recently = Timestamp.from(clock.instant().minus(Duration.ofDays(1)));
            inTenant(
                    tenant,
                    () -> jdbc.sql("update leads set updated_at = ? where id = ?")
                            .params(recently, UUID.fromString(freshLead))
                            .update());
            inTenant(
                    tenant,
                    () -> jdbc.sql("update contacts set deleted_at = ? where id = ?")
                            .params(recently, UUID.fromString(freshTrash))
                            .update());
            UUID freshMail = sentMail(tenant, recently.toInstant());
            long sentMailBefore = count(tenant, "select count(*) from outbound_emails where status = 'sent'");

            HttpResponse<String> preview = api.get("/api/v1/retention/preview");
            assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
            Map<String, Long> previewed = counts(PREVIEW_ITEM, preview.body());
            assertThat(previewed)
                    .containsEntry("leads.untouched", 2L)
                    .containsEntry("trash.purge", 2L)
                    .containsEntry("api.idempotency-keys", 1L)
                    .containsEntry("mail.sent", sentMailBefore - 1);

            HttpResponse<String> run = api.postJson("/api/v1/retention/runs", "");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
            assertThat(counts(RESULT_ITEM, run.body()))
                    .as("each rule touched what the preview said")
                    .isEqualTo(previewed);
            assertThat(run.body()).contains("\"trigger\":\"manual\"", "\"failures\":0");

            // the leads: two anonymised with no personal value left, the fresh one and the trashed one as they were
            for (String id : List.of(oldLead, oldUnqualified)) {
                assertThat(inTenant(
                                tenant,
                                () -> jdbc.sql("select count(*) from leads l where id = ?"
                                                + " and anonymised_at is not null and first_name is null and last_name is null"
                                                + " and emails = '[]' and phones = '[]' and job_title is null"
                                                + " and company_name is null and source is null and tags = '{}'"
                                                + " and unqualified_reason is null and custom_fields = '{}'")
                                        .param(UUID.fromString(id))
                                        .query(Long.class)
                                        .single()))
                        .isEqualTo(1L);
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .alias("the anonymised lead's history, which holds its old values, goes too")
                    .until(() -> count(
                                    tenant,
                                    "select count(*) from timeline_entries where record_id in ('" + oldLead + "', '"
                                            + oldUnqualified + "')")
                            == 0);
            assertThat(count(tenant, "select count(*) from timeline_entries where record_id = '" + freshLead + "'"))
                    .isPositive();
            assertThat(count(
                            tenant,
                            "select count(*) from leads l where l::text ~* '(zelda|zimmer|yorick|yellow|budget)'"))
                    .as("no personal value of the anonymised leads anywhere in their rows")
                    .isZero();
            assertThat(count(tenant, "select count(*) from leads where status = 'unqualified'"))
                    .as("the row stays for counts")
                    .isEqualTo(1L);
            assertThat(inTenant(
                            tenant,
                            () -> jdbc.sql("select first_name from leads where id = ?")
                                    .param(UUID.fromString(freshLead))
                                    .query(String.class)
                                    .single()))
                    .isEqualTo("Xaver");
            assertThat(count(tenant, "select count(*) from leads where id = '" + trashedLead + "'"))
                    .as("the trashed lead went with the trash")
                    .isZero();
            assertThat(count(tenant, "select count(*) from contacts where id = '" + oldTrash + "'"))
                    .isZero();
            assertThat(count(tenant, "select count(*) from contacts where id = '" + freshTrash + "'"))
                    .isEqualTo(1L);
            assertThat(count(tenant, "select count(*) from outbound_emails where id = '" + oldMail + "'"))
                    .isZero();
            assertThat(count(tenant, "select count(*) from outbound_emails where id = '" + freshMail + "'"))
                    .isEqualTo(1L);
            assertThat(count(tenant, "select count(*) from outbound_emails where status = 'sent'"))
                    .isEqualTo(1L);
            assertThat(count(tenant, "select count(*) from idempotency_keys")).isZero();

            // the other Client: nothing touched
            assertThat(inTenant(
                            otherTenant,
                            () -> jdbc.sql("select first_name from leads where id = ?")
                                    .param(UUID.fromString(neighbourLead))
                                    .query(String.class)
                                    .single()))
                    .isEqualTo("Nora");
            assertThat(count(otherTenant, "select count(*) from contacts where id = '" + neighbourTrash + "'"))
                    .isEqualTo(1L);
            assertThat(count(otherTenant, "select count(*) from outbound_emails where id = '" + neighbourMail + "'"))
                    .isEqualTo(1L);
            assertThat(count(otherTenant, "select count(*) from retention_runs"))
                    .isZero();

            // the report and the audit trail: ids and counts, no names
            assertThat(count(
                            tenant,
                            "select count(*) from retention_runs where trigger = 'manual'"
                                    + " and finished_at is not null and failures = 0 and touched = "
                                    + previewed.values().stream()
                                            .mapToLong(Long::longValue)
                                            .sum()))
                    .isEqualTo(1L);
            assertThat(count(tenant, "select count(*) from retention_run_results where error is null"))
                    .isEqualTo(previewed.size());
            String audit = inTenant(
                    tenant,
                    () -> jdbc.sql("select details::text from audit_events where action = 'retention.run'")
                            .query(String.class)
                            .single());
            assertThat(audit).contains("\"leads.untouched\": 2").doesNotContainIgnoringCase("zelda");
            assertThat(api.get("/api/v1/retention/runs").body()).contains("\"touched\":2", "leads.untouched");

            assertThat(counts(PREVIEW_ITEM, api.get("/api/v1/retention/preview").body())
                            .values())
                    .as("a second run would touch nothing")
                    .containsOnly(0L);
        } finally {
            clock.reset();
        }
    }

    private Map<String, Long> counts(Pattern pattern, String json) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        Matcher matcher = pattern.matcher(json);
        while (matcher.find()) {
            counts.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return counts;
    }

    private static String lead(Browserless api, String first, String last, String email) {
        HttpResponse<String> created = api.postJson(
                "/api/v1/leads",
                "{\"firstName\":\"%s\",\"lastName\":\"%s\",\"emails\":[{\"address\":\"%s\"}],\"jobTitle\":\"Buyer\","
                                .formatted(first, last, email)
                        + "\"companyName\":\"" + last + " Ltd\",\"tags\":[\"fair\"],\"source\":\"trade fair\","
                        + "\"phones\":[{\"number\":\"+49 30 1234567\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private static String contact(Browserless api, String name) {
        HttpResponse<String> created = api.postJson("/api/v1/contacts", "{\"firstName\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private UUID sentMail(TenantId tenant, Instant sentAt) {
        UUID id = UUID.randomUUID();
        inTenant(
                tenant,
                () -> jdbc.sql("insert into outbound_emails (tenant_id, id, kind, recipient, subject,"
                                + " body_text, status, sent_at) values (?, ?, 'test', 'someone@example.test', 'Hello',"
                                + " 'Body', 'sent', ?)")
                        .params(tenant.value(), id, Timestamp.from(sentAt))
                        .update());
        return id;
    }

    private long count(TenantId tenant, String sql) {
        return inTenant(tenant, () -> jdbc.sql(sql).query(Long.class).single());
    }

    private static <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, null, work::get);
    }
}
