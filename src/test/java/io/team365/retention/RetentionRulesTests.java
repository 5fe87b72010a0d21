package io.team365.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.retention.RetentionPolicy;
import io.team365.core.retention.RetentionTarget;
import io.team365.retention.internal.CompletedPublications;
import io.team365.retention.internal.NightlyRetention;
import io.team365.retention.internal.RetentionRunner;
import io.team365.retention.internal.RetentionTargets;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention rules: defaults on first use, periods within the target's bounds, rules the law needs stay on, admins
 * only, the settings page; a failing rule or Client does not stop the others; the nightly task is in the scheduler's
 * table; completed event publications are cleared.
 */
class RetentionRulesTests extends IntegrationTest {

    @Autowired
    RetentionRunner runner;

    @Autowired
    RetentionTargets targets;

    @Autowired
    NightlyRetention nightly;

    @Autowired
    CompletedPublications publications;

    @Test
    void rulesStartFromTheDefaultsAndChangeOnlyWithinTheirBounds() {
        SignedUp owner = signUpAndVerify("Rules Co");
        SignedUp other = signUpAndVerify("Rules Neighbour Co");
        Browserless api = owner.session();

        String rules = api.get("/api/v1/retention/rules").body();
        assertThat(rules)
                .contains("\"key\":\"leads.untouched\"", "\"period\":\"P2Y\"", "\"minimumPeriod\":\"P6M\"")
                .contains("\"key\":\"trash.purge\"", "\"period\":\"P30D\"", "\"mayBeDisabled\":false")
                .contains("\"key\":\"mail.sent\"", "\"key\":\"api.idempotency-keys\"");
        assertThat(count(owner, "select count(*) from retention_rules"))
                .isEqualTo(targets.all().size());

        assertRefused(api.patchJson("/api/v1/retention/rules/leads.untouched", "{\"period\":\"P3M\"}"), "period");
        assertRefused(api.patchJson("/api/v1/retention/rules/leads.untouched", "{\"period\":\"banana\"}"), "period");
        assertRefused(api.patchJson("/api/v1/retention/rules/leads.untouched", "{\"period\":\"-P1Y\"}"), "period");
        assertRefused(api.patchJson("/api/v1/retention/rules/leads.untouched", "{\"period\":\"P0D\"}"), "period");
        assertRefused(api.patchJson("/api/v1/retention/rules/leads.untouched", "{}"), "period");
        assertRefused(api.patchJson("/api/v1/retention/rules/mail.sent", "{\"period\":\"P100D\"}"), "period");
        assertRefused(api.patchJson("/api/v1/retention/rules/trash.purge", "{\"enabled\":false}"), "enabled");
        assertRefused(api.patchJson("/api/v1/retention/rules/api.idempotency-keys", "{\"period\":\"P2D\"}"), "period");
        assertThat(api.patchJson("/api/v1/retention/rules/no.such-rule", "{\"period\":\"P1Y\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/retention/runs?limit=lots").statusCode()).isEqualTo(400);
        assertThat(api.patchJson("/api/v1/retention/rules/leads.untouched", "{\"period\":1}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(inTenant(
                        owner,
                        () -> jdbc.sql("select period || enabled from retention_rules"
                                        + " where target_key = 'leads.untouched'")
                                .query(String.class)
                                .single()))
                .as("nothing changed on bad input")
                .isEqualTo("P2Ytrue");

        HttpResponse<String> changed =
                api.patchJson("/api/v1/retention/rules/leads.untouched", "{\"period\":\"P18M\",\"enabled\":false}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"period\":\"P1Y6M\"", "\"enabled\":false");
        assertThat(api.patchJson("/api/v1/retention/rules/trash.purge", "{\"period\":\"P60D\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(inTenant(
                        owner,
                        () -> jdbc.sql("select string_agg(target_key || '=' || period || enabled, ',' order"
                                        + " by target_key) from retention_rules where target_key in ('leads.untouched',"
                                        + " 'trash.purge')")
                                .query(String.class)
                                .single()))
                .isEqualTo("leads.untouched=P1Y6Mfalse,trash.purge=P60Dtrue");
        assertThat(api.get("/api/v1/retention/preview").body())
                .contains(
                        "\"key\":\"leads.untouched\",\"action\":\"anonymise\",\"period\":\"P1Y6M\",\"enabled\":false");
        assertThat(inTenant(
                        owner,
                        () -> jdbc.sql("select count(*) from audit_events where action =" + " 'retention.rule.changed'")
                                .query(Long.class)
                                .single()))
                .isEqualTo(2L);

        String neighbours = other.session().get("/api/v1/retention/rules").body();
        assertThat(neighbours).as("another Client keeps its defaults").contains("\"period\":\"P2Y\"");
        assertThat(neighbours).doesNotContain("P1Y6M", "P60D");

        // a disabled rule is not run
        HttpResponse<String> run = api.postJson("/api/v1/retention/runs", "");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        assertThat(run.body()).doesNotContain("leads.untouched").contains("trash.purge");
    }

    @Test
    void onlyAdminsSeeOrRunRetention() {
        SignedUp owner = signUpAndVerify("Rules Roles Co");
        Joined member = inviteAndJoin(owner, "member");
        Browserless session = member.session();
        assertThat(session.get("/api/v1/retention/rules").statusCode()).isEqualTo(403);
        assertThat(session.get("/api/v1/retention/preview").statusCode()).isEqualTo(403);
        assertThat(session.get("/api/v1/retention/runs").statusCode()).isEqualTo(403);
        assertThat(session.postJson("/api/v1/retention/runs", "").statusCode()).isEqualTo(403);
        assertThat(session.patchJson("/api/v1/retention/rules/leads.untouched", "{\"period\":\"P5Y\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(session.page("/settings/retention").statusCode()).isEqualTo(403);
        assertThat(client().get("/api/v1/retention/rules").statusCode()).isIn(401, 302);
        assertThat(count(owner, "select count(*) from retention_runs")).isZero();
        assertThat(count(owner, "select count(*) from retention_rules where period <> 'P5Y'"))
                .isEqualTo(count(owner, "select count(*) from retention_rules"));
    }

    @Test
    void theSettingsPageShowsRulesPreviewAndRunsAndRefusesBadPeriods() {
        SignedUp owner = signUpAndVerify("Rules Page Co");
        Browserless session = owner.session();
        HttpResponse<String> page = session.page("/settings/retention");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Leads nobody touched", "Trash", "Sent email", "would be touched now", "No run yet")
                .contains("action=\"/settings/retention/rules/leads.untouched\"");

        HttpResponse<String> tooShort = session.postForm(
                "/settings/retention/rules/leads.untouched", Map.of("amount", "2", "unit", "months", "enabled", "on"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("at least");
        HttpResponse<String> nonsense =
                session.postForm("/settings/retention/rules/leads.untouched", Map.of("amount", "x", "unit", "weeks"));
        assertThat(nonsense.statusCode()).isEqualTo(422);
        assertThat(nonsense.body()).contains("whole number");
        HttpResponse<String> offRequired =
                session.postForm("/settings/retention/rules/trash.purge", Map.of("amount", "30", "unit", "days"));
        assertThat(offRequired.statusCode()).isEqualTo(422);
        assertThat(offRequired.body()).contains("cannot be switched off");

        HttpResponse<String> saved = session.postForm(
                "/settings/retention/rules/leads.untouched", Map.of("amount", "3", "unit", "years", "enabled", "on"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(session.page("/settings/retention").body()).contains("value=\"3\"");

        HttpResponse<String> ran = session.postForm("/settings/retention/runs", Map.of());
        assertThat(ran.statusCode()).isEqualTo(302);
        String location = ran.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("done=ran", "run=");
        String report =
                session.page(location.substring(location.indexOf("/settings"))).body();
        assertThat(report).contains("Run finished", "The run touched", "An admin");
    }

    @Test
    void aFailingRuleOrClientDoesNotStopTheOthers() {
        SignedUp owner = signUpAndVerify("Rules Failure Co");
        TenantId tenant = new TenantId(owner.tenantId());
        String trashed = Browserless.jsonField(
                owner.session()
                        .postJson("/api/v1/contacts", "{\"firstName\":\"Gone\"}")
                        .body(),
                "id");
        owner.session().delete("/api/v1/contacts/" + trashed);
        inTenant(
                owner,
                () -> jdbc.sql("update contacts set deleted_at = now() - interval '40 days' where id = ?")
                        .param(UUID.fromString(trashed))
                        .update());
        List<RetentionTarget> withAFailure = new ArrayList<>();
        withAFailure.add(new Failing());
        withAFailure.addAll(targets.all());

        RetentionRun run = runner.run(tenant, "manual", null, AuditTrail.Actor.system(), withAFailure);

        assertThat(run.failures()).isEqualTo(1);
        assertThat(run.results())
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo("test.failing");
                    assertThat(r.error()).isEqualTo("IllegalStateException");
                })
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo("trash.purge");
                    assertThat(r.touched()).isEqualTo(1);
                });
        assertThat(count(owner, "select count(*) from contacts where id = '" + trashed + "'"))
                .isZero();
        assertThat(count(owner, "select count(*) from retention_run_results where error = 'IllegalStateException'"))
                .isEqualTo(1L);

        int failedClients = nightly.runFor(List.of(new TenantId(UUID.randomUUID()), tenant));
        assertThat(failedClients).as("a Client that cannot be run").isEqualTo(1);
        assertThat(count(
                        owner,
                        "select count(*) from retention_runs where trigger = 'nightly'"
                                + " and finished_at is not null"))
                .isEqualTo(1L);
        assertThat(inTenant(
                        owner,
                        () -> jdbc.sql("select count(*) from audit_events where action = 'retention.run'"
                                        + " and actor_email = 'system'")
                                .query(Long.class)
                                .single()))
                .isEqualTo(2L);
    }

    @Test
    void oneRunAtATimePerClientAndAnInterruptedRunIsClosedByTheNext() {
        SignedUp owner = signUpAndVerify("Rules Busy Co");
        UUID running = UUID.randomUUID();
        inTenant(
                owner,
                () -> jdbc.sql("insert into retention_runs (tenant_id, id, trigger, started_at)"
                                + " values (?, ?, 'nightly', now() - interval '5 minutes')")
                        .params(owner.tenantId(), running)
                        .update());

        HttpResponse<String> busy = owner.session().postJson("/api/v1/retention/runs", "");
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(409);
        assertThat(count(owner, "select count(*) from retention_runs")).isEqualTo(1L);
        HttpResponse<String> busyPage = owner.session().postForm("/settings/retention/runs", Map.of());
        assertThat(busyPage.statusCode()).isEqualTo(409);
        assertThat(busyPage.body()).contains("already under way");

        inTenant(
                owner,
                () -> jdbc.sql("update retention_runs set started_at = now() - interval '2 hours' where id = ?")
                        .param(running)
                        .update());
        assertThat(owner.session().postJson("/api/v1/retention/runs", "").statusCode())
                .isEqualTo(201);
        assertThat(count(owner, "select count(*) from retention_runs where finished_at is not null"))
                .isEqualTo(2L);
        assertThat(count(owner, "select failures from retention_runs where id = '" + running + "'"))
                .as("the interrupted run is reported as failed")
                .isEqualTo(1L);
    }

    @Test
    void theNightlyTaskIsInTheSchedulersTableAndCompletedPublicationsAreCleared() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from scheduled_tasks where task_name = 'retention-nightly'")
                                .query(Long.class)
                                .single()
                        == 1);
        Instant next = jdbc.sql("select execution_time from scheduled_tasks where task_name = 'retention-nightly'")
                .query(Timestamp.class)
                .single()
                .toInstant();
        assertThat(next).as("far away in tests").isAfter(Instant.now());

        UUID old = publication(Instant.now().minus(Duration.ofDays(10)), true);
        UUID recent = publication(Instant.now().minus(Duration.ofDays(1)), true);
        UUID pending = publication(Instant.now().minus(Duration.ofDays(30)), false);
        long counted = publications.count();
        assertThat(counted).isGreaterThanOrEqualTo(1);
        assertThat(publications.delete()).isEqualTo(counted);
        assertThat(jdbc.sql("select id from event_publication where id in (?, ?, ?)")
                        .params(old, recent, pending)
                        .query(UUID.class)
                        .list())
                .containsExactlyInAnyOrder(recent, pending);
        jdbc.sql("delete from event_publication where id in (?, ?)")
                .params(recent, pending)
                .update();
    }

    private UUID publication(Instant at, boolean completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                        + " completion_date, status) values (?, 'test.listener', 'test.Event', '{}', ?, ?, ?)")
                .params(
                        id,
                        Timestamp.from(at),
                        completed ? Timestamp.from(at) : null,
                        completed ? "COMPLETED" : "PUBLISHED")
                .update();
        return id;
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    private long count(SignedUp owner, String sql) {
        return inTenant(owner, () -> jdbc.sql(sql).query(Long.class).single());
    }

    private static <T> T inTenant(SignedUp owner, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(new TenantId(owner.tenantId()), null, work::get);
    }

    /** A target that always fails, to show the others still run. */
    private static final class Failing implements RetentionTarget {

        private static final RetentionPolicy POLICY = new RetentionPolicy(
                "test.failing",
                PersonalField.Category.TECHNICAL,
                "delete",
                Period.ofDays(1),
                Period.ofDays(1),
                Period.ofYears(10),
                true);

        @Override
        public RetentionPolicy policy() {
            return POLICY;
        }

        @Override
        public long count(TenantId tenant, Instant cutoff) {
            throw new IllegalStateException("broken on purpose");
        }

        @Override
        public long apply(TenantId tenant, Instant cutoff) {
            throw new IllegalStateException("broken on purpose");
        }
    }
}
