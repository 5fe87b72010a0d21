package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.privacy.internal.PolicyAcceptances;
import io.team365.privacy.internal.PolicyMailJob;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.DatabaseLookups;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Team365's own privacy policy: shipped versions registered at startup, the public page, a material change. */
class PolicyVersionTests extends IntegrationTest {

    @Autowired
    PolicyMailJob mailJob;

    @Autowired
    PrivacyNotices notices;

    @Autowired
    PolicyAcceptances acceptances;

    @Autowired
    PlatformTransactionManager transactions;

    TransactionTemplate transaction;

    @BeforeEach
    void transactionTemplate() {
        transaction = new TransactionTemplate(transactions);
    }

    @Test
    void theShippedPolicyIsRegisteredAtStartupAndShownPublicly() {
        assertThat(jdbc.sql("select count(*) from privacy_policy_versions where version = '2021-05'"
                                + " and effective_on = date '2021-05-01' and not material"
                                + " and body like '%This Privacy Policy may be updated from time to time%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(notices.currentPolicyVersion()).isPresent();
        HttpResponse<String> page = client().page("/legal/privacy");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Team365 privacy policy")
                .contains("2021-05")
                .contains("First published version of the privacy policy.")
                .contains("This Privacy Policy may be updated from time to time");
    }

    @Test
    void aMaterialChangeIsMailedToEveryUserOnceAndAcceptedAtNextSignIn() {
        SignedUp alpha = signUpAndVerify("Policy Alpha Co");
        Joined member = inviteAndJoin(alpha, "member");
        SignedUp beta = signUpAndVerify("Policy Beta Co");
        String version = "test-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into privacy_policy_versions (version, effective_on, material, summary, body, registered_at)"
                        + " values (?, current_date, true, 'We now host in Frankfurt.', 'New policy text.', now())")
                .param(version)
                .update();
        // inserted behind the module's back: the gate's cached "nothing to accept" answers must go
        acceptances.forgetCachedAnswers();
        // the thousands of people the rest of the suite signed up count as mailed already: the job's pass then is
        // about these three, and their mail does not queue behind everyone else's
        transaction.executeWithoutResult(status -> {
            DatabaseLookups.asWorker(jdbc, "policy-mail");
            jdbc.sql("insert into policy_mailings (version, user_id, queued_at) select ?, id, now() from users"
                            + " where id not in (?, ?, ?)")
                    .param(version)
                    .param(alpha.userId())
                    .param(member.userId())
                    .param(beta.userId())
                    .update();
        });
        try {
            SignedUp newcomer = signUpAndVerify("Policy Newcomer Co");
            mailJob.mailDue();
            mailJob.mailDue();
            for (String email : new String[] {alpha.email(), member.email(), beta.email()}) {
                // the outbox sends in the background, behind whatever else the suite queued: generous on a busy machine
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> messagesTo(email).stream()
                                .anyMatch(m -> body(m).contains("We now host in Frankfurt.")));
            }
            assertThat(messagesTo(member.email()).stream()
                            .filter(m -> body(m).contains("We now host in Frankfurt."))
                            .count())
                    .as("once per person, however often the job runs")
                    .isEqualTo(1);
            assertThat(messagesTo(newcomer.email()).stream().noneMatch(m -> body(m).contains("Frankfurt")))
                    .as("who signed up after it was published agreed at sign-up")
                    .isTrue();
            assertThat(jdbc.sql("select mailing_done_at is not null from privacy_policy_versions where version = ?")
                            .param(version)
                            .query(Boolean.class)
                            .single())
                    .isTrue();

            assertThat(member.session().page("/app").statusCode()).isEqualTo(303);
            assertThat(beta.session().page("/contacts").statusCode()).isEqualTo(303);
            assertThat(newcomer.session().page("/app").statusCode()).isEqualTo(200);
            assertThat(member.session().get("/api/v1/me").headers().firstValue("Team365-Acceptance-Required"))
                    .hasValue("team365-policy=" + version);
            assertThat(member.session().page("/settings/account/policies").body())
                    .contains("We now host in Frankfurt.");

            assertThat(member.session()
                            .postForm("/settings/account/policies", Map.of())
                            .statusCode())
                    .isEqualTo(302);
            assertThat(TenantContext.callAs(
                            null,
                            member.userId(),
                            () -> jdbc.sql("select count(*) from policy_acceptances where user_id = ? and version = ?"
                                            + " and length(ip_hash) = 64")
                                    .param(member.userId())
                                    .param(version)
                                    .query(Long.class)
                                    .single()))
                    .isEqualTo(1);
            assertThat(TenantContext.callAs(
                            new TenantId(alpha.tenantId()),
                            null,
                            () -> jdbc.sql("select count(*) from audit_events where action = 'policy.accepted'"
                                            + " and target_type = 'team365-policy' and target_id = ? and actor_id = ?")
                                    .param(version)
                                    .param(member.userId())
                                    .query(Long.class)
                                    .single()))
                    .isEqualTo(1);
            assertThat(member.session().page("/app").statusCode()).isEqualTo(200);
            assertThat(alpha.session().page("/app").statusCode())
                    .as("each person accepts for themselves")
                    .isEqualTo(303);
        } finally {
            // the shared test database: later tests must not be asked to accept this version
            jdbc.sql("update privacy_policy_versions set material = false where version = ?")
                    .param(version)
                    .update();
            acceptances.forgetCachedAnswers();
        }
    }
}
