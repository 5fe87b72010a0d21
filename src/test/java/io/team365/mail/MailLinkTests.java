package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.sync.MessagesStored;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Messages stored by the sync are linked, in the same transaction and in one batch, to the contacts and leads of
 * their participants, the companies of those contacts and of non-free-mail domains, and their open deals; blocked
 * and unknown senders stay unlinked; a contact created later gets the mail already synced.
 */
class MailLinkTests extends IntegrationTest {

    @Autowired
    TenantTransactions tenants;

    @Autowired
    MailAccountStore accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aBatchIsLinkedToContactsLeadsCompaniesAndOpenDealsButNotToFreeMailOrBlockedSenders() {
        SignedUp owner = signUpAndVerify("Linking Co");
        TenantId tenant = new TenantId(owner.tenantId());
        Browserless api = apiClient(owner.session());
        MailRows rows = new MailRows(jdbc, tenants, accounts);

        String employer = id(api.postJson("/api/v1/companies", "{\"name\":\"Employer\",\"domain\":\"employer.test\"}"));
        String acme = id(api.postJson("/api/v1/companies", "{\"name\":\"Acme\",\"domain\":\"acme-corp.test\"}"));
        String gmail = id(api.postJson("/api/v1/companies", "{\"name\":\"Google\",\"domain\":\"gmail.com\"}"));
        String ana = id(api.postJson("/api/v1/contacts", """
                {"firstName":"Ana","emails":[{"address":"Ana@Employer.test"}],"companyId":"%s"}""".formatted(employer)));
        String gus = id(api.postJson(
                "/api/v1/contacts", "{\"firstName\":\"Gus\",\"emails\":[{\"address\":\"gus@gmail.com\"}]}"));
        String blocked = id(api.postJson(
                "/api/v1/contacts", "{\"firstName\":\"Spam\",\"emails\":[{\"address\":\"spam@spammer.test\"}]}"));
        String lead = id(
                api.postJson("/api/v1/leads", "{\"firstName\":\"Lee\",\"emails\":[{\"address\":\"lee@leads.test\"}]}"));
        String open =
                id(api.postJson("/api/v1/deals", "{\"name\":\"Open deal\",\"contactIds\":[\"%s\"]}".formatted(ana)));
        String won =
                id(api.postJson("/api/v1/deals", "{\"name\":\"Won deal\",\"contactIds\":[\"%s\"]}".formatted(ana)));
        String acmeDeal =
                id(api.postJson("/api/v1/deals", "{\"name\":\"Acme deal\",\"companyId\":\"%s\"}".formatted(acme)));
        tenants.run(
                tenant,
                null,
                () -> jdbc.sql("update deals set status = 'won' where id = cast(:id as uuid)")
                        .param("id", won)
                        .update());

        UUID account = rows.account(tenant, owner.userId(), "me@linking.test", MailAccount.Sharing.PRIVATE);
        tenants.run(
                tenant,
                null,
                () -> jdbc.sql("""
                        insert into mail_blocklist (tenant_id, account_id, pattern, created_at)
                        values (:tenant, :account, 'spammer.test', now())""")
                        .param("tenant", tenant.value())
                        .param("account", account)
                        .update());
        var fromAna =
                rows.message(tenant, account, "ana@employer.test", List.of("me@linking.test"), List.of(), "Hi", "x");
        var toLeadCcAcme = rows.message(
                tenant,
                account,
                "me@linking.test",
                List.of("LEE@leads.test"),
                List.of("bob@acme-corp.test"),
                "Re",
                "y");
        var fromGus = rows.message(tenant, account, "gus@gmail.com", List.of("me@linking.test"), List.of(), "G", "z");
        var spam = rows.message(tenant, account, "spam@spammer.test", List.of("me@linking.test"), List.of(), "S", "s");
        var unknown =
                rows.message(tenant, account, "who@nowhere.test", List.of("me@linking.test"), List.of(), "U", "u");
        var mine = rows.message(tenant, account, "me@linking.test", List.of("me@linking.test"), List.of(), "M", "m");

        tenants.run(
                tenant,
                null,
                () -> events.publishEvent(new MessagesStored(
                        tenant,
                        account,
                        List.of(fromAna.id(), toLeadCcAcme.id(), fromGus.id(), spam.id(), unknown.id(), mine.id()))));

        assertThat(rows.links(tenant, fromAna.id()))
                .as("the contact, their company, and their open deal (not the won one)")
                .containsExactlyInAnyOrderElementsOf(List.of("contact:" + ana, "company:" + employer, "deal:" + open));
        assertThat(rows.links(tenant, toLeadCcAcme.id()))
                .as("a lead by a recipient's email, a company by a cc's domain, and that company's open deal")
                .containsExactlyInAnyOrderElementsOf(List.of("lead:" + lead, "company:" + acme, "deal:" + acmeDeal));
        assertThat(rows.links(tenant, fromGus.id()))
                .as("a free-mail domain links no company")
                .containsExactly("contact:" + gus)
                .doesNotContain("company:" + gmail);
        assertThat(rows.links(tenant, spam.id()))
                .as("a blocked sender stays unlinked")
                .isEmpty();
        assertThat(rows.links(tenant, unknown.id()))
                .as("an unknown sender stays unlinked")
                .isEmpty();
        assertThat(rows.links(tenant, mine.id()))
                .as("the account's own address is nobody's record")
                .isEmpty();
        assertThat(blocked).isNotNull();

        // linking again changes nothing
        tenants.run(
                tenant, null, () -> events.publishEvent(new MessagesStored(tenant, account, List.of(fromAna.id()))));
        assertThat(rows.links(tenant, fromAna.id())).hasSize(3);
    }

    @Test
    void mailSyncedBeforeAContactExistsIsLinkedWhenTheContactIsCreatedOrGetsTheEmail() {
        SignedUp owner = signUpAndVerify("Relinking Co");
        TenantId tenant = new TenantId(owner.tenantId());
        Browserless api = apiClient(owner.session());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        UUID account = rows.account(tenant, owner.userId(), "me@relinking.test", MailAccount.Sharing.PRIVATE);
        var early =
                rows.message(tenant, account, "newbie@later.test", List.of("me@relinking.test"), List.of(), "A", "a");
        var other =
                rows.message(tenant, account, "me@relinking.test", List.of("second@later.test"), List.of(), "B", "b");
        tenants.run(
                tenant,
                null,
                () -> events.publishEvent(new MessagesStored(tenant, account, List.of(early.id(), other.id()))));
        assertThat(rows.links(tenant, early.id())).isEmpty();

        String contact = id(api.postJson(
                "/api/v1/contacts", "{\"firstName\":\"Newbie\",\"emails\":[{\"address\":\"newbie@later.test\"}]}"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(rows.links(tenant, early.id())).containsExactly("contact:" + contact));
        assertThat(rows.links(tenant, other.id())).isEmpty();

        HttpResponse<String> changed = api.patchJson(
                "/api/v1/contacts/" + contact,
                "{\"emails\":[{\"address\":\"newbie@later.test\"},{\"address\":\"second@later.test\"}]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(rows.links(tenant, other.id())).containsExactly("contact:" + contact));

        String company = id(api.postJson("/api/v1/companies", "{\"name\":\"Later\",\"domain\":\"later.test\"}"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(rows.links(tenant, early.id())).contains("company:" + company));
    }

    @Test
    void mergedContactsMailMovesToTheSurvivor() {
        SignedUp owner = signUpAndVerify("Merging Mail Co");
        TenantId tenant = new TenantId(owner.tenantId());
        Browserless api = apiClient(owner.session());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        String survivor = id(api.postJson(
                "/api/v1/contacts", "{\"firstName\":\"Ana\",\"emails\":[{\"address\":\"ana@merge.test\"}]}"));
        String loser = id(api.postJson(
                "/api/v1/contacts", "{\"firstName\":\"Anna\",\"emails\":[{\"address\":\"anna@merge.test\"}]}"));
        UUID account = rows.account(tenant, owner.userId(), "me@merging.test", MailAccount.Sharing.PRIVATE);
        var first = rows.message(tenant, account, "ana@merge.test", List.of("me@merging.test"), List.of(), "1", "a");
        var second = rows.message(tenant, account, "anna@merge.test", List.of("me@merging.test"), List.of(), "2", "b");
        tenants.run(
                tenant,
                null,
                () -> events.publishEvent(new MessagesStored(tenant, account, List.of(first.id(), second.id()))));
        assertThat(rows.links(tenant, second.id())).containsExactly("contact:" + loser);
        assertThat(owner.session()
                        .page("/contacts/merge?ids=" + survivor + "," + loser)
                        .body())
                .as("the merge screen counts the two contacts' messages, which all end up on the kept one")
                .contains("Emails: 2");

        HttpResponse<String> merged = api.postJson("/api/v1/contacts/" + survivor + "/merge", """
                {"mergeIds":["%s"],"versions":{"%s":%s,"%s":%s}}""".formatted(
                        loser, survivor, version(api, survivor), loser, version(api, loser)));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(rows.links(tenant, second.id())).containsExactly("contact:" + survivor);
        assertThat(rows.links(tenant, first.id())).containsExactly("contact:" + survivor);
    }

    private static String version(Browserless api, String contact) {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("\"version\":(\\d+)")
                .matcher(api.get("/api/v1/contacts/" + contact).body());
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    @Test
    void anEmptyOrUnknownBatchLinksNothing() {
        SignedUp owner = signUpAndVerify("Empty Batch Co");
        TenantId tenant = new TenantId(owner.tenantId());
        tenants.run(tenant, null, () -> {
            events.publishEvent(new MessagesStored(tenant, UUID.randomUUID(), List.of()));
            events.publishEvent(new MessagesStored(tenant, UUID.randomUUID(), List.of(UUID.randomUUID())));
        });
        assertThat(tenants.call(
                        tenant,
                        null,
                        () -> jdbc.sql("select count(*) from mail_links")
                                .query(Long.class)
                                .single()))
                .isZero();
    }

    static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }
}
