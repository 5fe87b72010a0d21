package io.team365.mail;

import static io.team365.mail.MailLinkTests.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.sync.MessagesStored;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Emails on the timelines of their records, filtered when the timeline is read: the owner of a private account sees
 * its mail (subject, direction, date, a link to the thread), other members see nothing of it, and everyone sees the
 * mail of an account shared with the team; turning sharing on shows the mail at once.
 */
class MailLinkTimelineTests extends IntegrationTest {

    @Autowired
    TenantTransactions tenants;

    @Autowired
    MailAccountStore accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aPrivateAccountsMailIsOnTheTimelineForItsOwnerOnlyAndTeamMailForEveryone() {
        SignedUp owner = signUpAndVerify("Timeline Mail Co");
        Joined member = inviteAndJoin(owner, "member");
        TenantId tenant = new TenantId(owner.tenantId());
        Browserless api = apiClient(owner.session());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        String ana = id(api.postJson(
                "/api/v1/contacts", "{\"firstName\":\"Ana\",\"emails\":[{\"address\":\"ana@timeline.test\"}]}"));

        UUID ownersAccount = rows.account(tenant, owner.userId(), "boss@tlco.test", MailAccount.Sharing.PRIVATE);
        UUID membersAccount = rows.account(tenant, member.userId(), "ivy@tlco.test", MailAccount.Sharing.TEAM);
        var secret = rows.message(
                tenant, ownersAccount, "ana@timeline.test", List.of("boss@tlco.test"), List.of(), "Zanzibar <b>", "p");
        var shared = rows.message(
                tenant, membersAccount, "ana@timeline.test", List.of("ivy@tlco.test"), List.of(), "Quokka update", "q");
        tenants.run(tenant, null, () -> {
            events.publishEvent(new MessagesStored(tenant, ownersAccount, List.of(secret.id())));
            events.publishEvent(new MessagesStored(tenant, membersAccount, List.of(shared.id())));
        });

        HttpResponse<String> ownersView = owner.session().get("/contacts/" + ana + "/timeline");
        assertThat(ownersView.statusCode()).isEqualTo(200);
        assertThat(ownersView.body())
                .contains("Zanzibar &lt;b&gt;", "/mail/threads/" + secret.thread(), "received an email")
                .contains("Quokka update", "/mail/threads/" + shared.thread())
                .doesNotContain("Zanzibar <b>");

        HttpResponse<String> membersView = member.session().get("/contacts/" + ana + "/timeline");
        assertThat(membersView.statusCode()).isEqualTo(200);
        assertThat(membersView.body())
                .contains("Quokka update", "/mail/threads/" + shared.thread())
                .doesNotContain(
                        "Zanzibar", secret.thread().toString(), secret.id().toString());
        assertThat(membersView.body().split("received an email", -1))
                .as("not even an entry without its subject")
                .hasSize(2);

        tenants.run(
                tenant,
                null,
                () -> jdbc.sql("update mail_accounts set sharing = 'team' where id = :id")
                        .param("id", ownersAccount)
                        .update());
        assertThat(member.session().get("/contacts/" + ana + "/timeline").body())
                .as("read-time filtering: sharing shows at once")
                .contains("Zanzibar", "/mail/threads/" + secret.thread());

        assertThat(tenants.call(
                        tenant,
                        null,
                        () -> jdbc.sql("select count(*) from timeline_entries where summary like '%Zanzibar%'")
                                .query(Long.class)
                                .single()))
                .as("nothing of the mail is copied into the timeline's table")
                .isZero();
    }

    @Test
    void anotherClientsMemberSeesNoMailOfThisClientOnAnyTimeline() {
        SignedUp owner = signUpAndVerify("Timeline Tenant A");
        SignedUp stranger = signUpAndVerify("Timeline Tenant B");
        TenantId tenant = new TenantId(owner.tenantId());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        String ana = id(apiClient(owner.session())
                .postJson("/api/v1/contacts", "{\"firstName\":\"Ana\",\"emails\":[{\"address\":\"ana@a.test\"}]}"));
        UUID account = rows.account(tenant, owner.userId(), "boss@a.test", MailAccount.Sharing.TEAM);
        var message = rows.message(tenant, account, "ana@a.test", List.of("boss@a.test"), List.of(), "Wombat", "w");
        tenants.run(
                tenant, null, () -> events.publishEvent(new MessagesStored(tenant, account, List.of(message.id()))));
        assertThat(owner.session().get("/contacts/" + ana + "/timeline").body()).contains("Wombat");
        HttpResponse<String> foreign = stranger.session().get("/contacts/" + ana + "/timeline");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Wombat");
    }
}
