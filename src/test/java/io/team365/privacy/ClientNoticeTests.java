package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.privacy.internal.PolicyMailJob;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Client's privacy notice: published by admins only, checked input, public page per Client; a material change is
 * mailed once to exactly the Client's members and must be accepted at their next sign-in from its effective date.
 */
class ClientNoticeTests extends IntegrationTest {

    private static final String ACCEPT_PAGE = "/settings/account/policies";

    @Autowired
    PolicyMailJob mailJob;

    @Autowired
    PrivacyNotices notices;

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    private HttpResponse<String> publish(Browserless session, String body, String effective, boolean material) {
        return session.postForm(
                "/settings/privacy/notice",
                Map.of(
                        "body",
                        body,
                        "effectiveOn",
                        effective,
                        "summary",
                        "What changed: " + body,
                        "material",
                        material ? "true" : "false"));
    }

    private long count(UUID tenant, String sql, Object... params) {
        return TenantContext.callAs(new TenantId(tenant), null, () -> {
            var statement = jdbc.sql(sql);
            for (Object param : params) {
                statement = statement.param(param);
            }
            return statement.query(Long.class).single();
        });
    }

    @Test
    void onlyAdminsPublishAndBadInputChangesNothing() {
        SignedUp owner = signUpAndVerify("Notice Rules Co");
        Joined member = inviteAndJoin(owner, "member");
        Joined reader = inviteAndJoin(owner, "read-only");
        Joined admin = inviteAndJoin(owner, "admin");

        assertThat(member.session().page("/settings/privacy/notice").statusCode())
                .isEqualTo(403);
        assertThat(publish(member.session(), "Member text", today(), false).statusCode())
                .isEqualTo(403);
        assertThat(publish(reader.session(), "Reader text", today(), false).statusCode())
                .isEqualTo(403);

        HttpResponse<String> past = publish(
                admin.session(),
                "Old news",
                LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(),
                false);
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("cannot be in the past");
        HttpResponse<String> empty = publish(admin.session(), "   ", today(), false);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("This field is required.");
        HttpResponse<String> tooLong = publish(admin.session(), "x".repeat(100_001), today(), false);
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Use at most 100,000 characters.");
        HttpResponse<String> noDate = publish(admin.session(), "Text", "tomorrow", false);
        assertThat(noDate.statusCode()).isEqualTo(422);
        assertThat(noDate.body()).contains("Enter a date like");
        assertThat(count(owner.tenantId(), "select count(*) from privacy_notice_versions"))
                .as("nothing stored on bad input or by the wrong role")
                .isZero();

        HttpResponse<String> ok = publish(admin.session(), "We keep your data safe.\nSecond line.", today(), false);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        assertThat(count(
                        owner.tenantId(),
                        "select count(*) from privacy_notice_versions where version = 'v1' and not material"
                                + " and body = ?",
                        "We keep your data safe.\nSecond line."))
                .isEqualTo(1);
        assertThat(count(
                        owner.tenantId(),
                        "select count(*) from audit_events where action = 'privacy-notice.published'"
                                + " and target_id = 'v1' and actor_id = ?",
                        admin.userId()))
                .isEqualTo(1);
        assertThat(admin.session().page("/settings/privacy/notice").body()).contains("v1");
        assertThat(TenantContext.callAs(
                        new TenantId(owner.tenantId()),
                        null,
                        () -> notices.currentVersion(new TenantId(owner.tenantId()))))
                .contains("v1");
        assertThat(client().page("/legal/notices/" + owner.tenantId()).body())
                .contains("Privacy notice of Notice Rules Co")
                .contains("We keep your data safe.")
                .contains("What changed: We keep your data safe.");
    }

    @Test
    void materialChangeIsMailedOnceToTheMembersAndAcceptedAtNextSignIn() {
        SignedUp owner = signUpAndVerify("Material Co");
        Joined member = inviteAndJoin(owner, "member");
        Joined reader = inviteAndJoin(owner, "read-only");
        SignedUp stranger = signUpAndVerify("Bystander Co");
        String token = apiToken(member.session());

        assertThat(publish(owner.session(), "New processors added.", today(), true)
                        .statusCode())
                .isEqualTo(302);
        Joined latecomer = inviteAndJoin(owner, "member");
        mailJob.mailDue();
        mailJob.mailDue();

        for (String email : new String[] {owner.email(), member.email(), reader.email()}) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .until(() ->
                            messagesTo(email).stream().anyMatch(m -> subject(m).contains("privacy notice")));
        }
        assertThat(count(
                        owner.tenantId(),
                        "select count(*) from outbound_emails where kind = 'notice-change' and recipient = ?",
                        member.email()))
                .as("one mail per person and version, however often the job runs")
                .isEqualTo(1);
        assertThat(count(owner.tenantId(), "select count(*) from notice_mailings where version = 'v1'"))
                .as("exactly the three who were members when it was published")
                .isEqualTo(3);
        assertThat(messagesTo(member.email()).stream()
                        .filter(m -> subject(m).contains("privacy notice"))
                        .count())
                .isEqualTo(1);
        assertThat(body(messagesTo(member.email()).stream()
                        .filter(m -> subject(m).contains("privacy notice"))
                        .findFirst()
                        .orElseThrow()))
                .contains("New processors added.")
                .contains("/legal/notices/" + owner.tenantId());
        assertThat(messagesTo(stranger.email()).stream()
                        .noneMatch(m -> subject(m).contains("privacy notice")))
                .isTrue();
        assertThat(messagesTo(latecomer.email()).stream()
                        .noneMatch(m -> subject(m).contains("privacy notice")))
                .isTrue();

        HttpResponse<String> app = member.session().page("/app");
        assertThat(app.statusCode()).isEqualTo(303);
        assertThat(app.headers().firstValue("Location")).hasValue(ACCEPT_PAGE);
        assertThat(member.session().page("/contacts").statusCode()).isEqualTo(303);
        HttpResponse<String> api = client().withBearer(token).get("/api/v1/me");
        assertThat(api.statusCode()).as("API calls keep working").isEqualTo(200);
        assertThat(api.headers().firstValue("Team365-Acceptance-Required")).hasValue("client-notice=v1");
        assertThat(latecomer.session().page("/app").statusCode())
                .as("who joined after publication agreed when joining")
                .isEqualTo(200);
        assertThat(stranger.session().page("/app").statusCode()).isEqualTo(200);
        assertThat(member.session().page(ACCEPT_PAGE).body()).contains("New processors added.");

        HttpResponse<String> accepted = member.session().postForm(ACCEPT_PAGE, Map.of());
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(count(
                        owner.tenantId(),
                        "select count(*) from notice_acceptances where user_id = ? and version = 'v1'"
                                + " and accepted_at is not null and length(ip_hash) = 64 and ip_hash not like '10.%'",
                        member.userId()))
                .isEqualTo(1);
        assertThat(count(
                        owner.tenantId(),
                        "select count(*) from audit_events where action = 'policy.accepted' and actor_id = ?"
                                + " and target_id = 'v1'",
                        member.userId()))
                .isEqualTo(1);
        assertThat(member.session().page("/app").statusCode()).isEqualTo(200);
        assertThat(client().withBearer(token).get("/api/v1/me").headers().firstValue("Team365-Acceptance-Required"))
                .isEmpty();
        assertThat(reader.session().page("/app").statusCode())
                .as("the others still have to accept")
                .isEqualTo(303);
    }

    @Test
    void aMaterialChangeAppliesFromItsEffectiveDateAndANonMaterialOneIsOnlyPublished() {
        SignedUp owner = signUpAndVerify("Later Co");
        Joined member = inviteAndJoin(owner, "member");
        try {
            assertThat(publish(owner.session(), "Tidied wording.", today(), false)
                            .statusCode())
                    .isEqualTo(302);
            String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
            assertThat(publish(owner.session(), "Data moves to a new region.", tomorrow, true)
                            .statusCode())
                    .isEqualTo(302);
            mailJob.mailDue();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> messagesTo(member.email()).stream()
                            .anyMatch(m -> subject(m).contains("privacy notice")));
            assertThat(count(owner.tenantId(), "select count(*) from outbound_emails where kind = 'notice-change'"))
                    .as("only the material change is mailed, announced before it takes effect")
                    .isEqualTo(2);
            assertThat(member.session().page("/app").statusCode())
                    .as("not before its effective date")
                    .isEqualTo(200);
            assertThat(client().page("/legal/notices/" + owner.tenantId()).body())
                    .contains("Tidied wording.")
                    .contains("upcoming");

            clock.advance(Duration.ofDays(1));
            assertThat(member.session().page("/app").statusCode()).isEqualTo(303);
            assertThat(member.session().postForm(ACCEPT_PAGE, Map.of()).statusCode())
                    .isEqualTo(302);
            assertThat(count(
                            owner.tenantId(),
                            "select count(*) from notice_acceptances where user_id = ? and version = 'v2'",
                            member.userId()))
                    .isEqualTo(1);
            assertThat(member.session().page("/app").statusCode()).isEqualTo(200);
            assertThat(owner.session().page("/settings/privacy/notice").statusCode())
                    .as("the admin too accepts before going on")
                    .isEqualTo(303);
            assertThat(owner.session().postForm(ACCEPT_PAGE, Map.of()).statusCode())
                    .isEqualTo(302);

            String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
            assertThat(publish(owner.session(), "Fixed a typo.", today, false).statusCode())
                    .isEqualTo(302);
            mailJob.mailDue();
            assertThat(count(owner.tenantId(), "select count(*) from outbound_emails where kind = 'notice-change'"))
                    .as("no mail for a non-material change")
                    .isEqualTo(2);
            assertThat(member.session().page("/app").statusCode()).isEqualTo(200);
            assertThat(owner.session().page("/app").statusCode()).isEqualTo(200);
            assertThat(client().page("/legal/notices/" + owner.tenantId()).body())
                    .as("the newest version in effect is shown")
                    .contains("Fixed a typo.");
        } finally {
            clock.reset();
        }
    }

    @Test
    void noticesAreIsolatedPerClient() {
        SignedUp alpha = signUpAndVerify("Alpha Notice Co");
        SignedUp beta = signUpAndVerify("Beta Notice Co");
        assertThat(publish(alpha.session(), "Alpha keeps data in Lyon.", today(), false)
                        .statusCode())
                .isEqualTo(302);

        assertThat(client().page("/legal/notices/" + beta.tenantId()).body())
                .contains("Privacy notice of Beta Notice Co")
                .doesNotContain("Alpha keeps data in Lyon.");
        assertThat(beta.session().page("/settings/privacy/notice").body()).doesNotContain("Alpha keeps data");
        assertThat(TenantContext.callAs(
                        new TenantId(beta.tenantId()),
                        null,
                        () -> notices.currentVersion(new TenantId(alpha.tenantId()))))
                .as("another Client's notice cannot be read under this Client")
                .isEmpty();
        assertThat(count(beta.tenantId(), "select count(*) from privacy_notice_versions"))
                .isZero();
        assertThat(client().page("/legal/notices/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(client().page("/legal/notices/not-a-client").statusCode()).isEqualTo(404);
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
