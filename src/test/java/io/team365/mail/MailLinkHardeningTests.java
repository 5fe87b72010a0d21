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
 * Links follow the records' emails both ways (ADR 0032): an email taken off a contact or lead takes the links that
 * came only through it (with the company and deal links that came through the contact), and a record restored from
 * the trash gets the mail that arrived meanwhile. Checked in SQL ({@code mail_links}).
 */
class MailLinkHardeningTests extends IntegrationTest {

    @Autowired
    TenantTransactions tenants;

    @Autowired
    MailAccountStore accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void anEmailTakenOffAContactOrLeadTakesTheLinksThatCameOnlyThroughIt() {
        SignedUp owner = signUpAndVerify("Unlinking Co");
        TenantId tenant = new TenantId(owner.tenantId());
        Browserless api = apiClient(owner.session());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        String employer = MailLinkTests.id(
                api.postJson("/api/v1/companies", "{\"name\":\"Employer\",\"domain\":\"unlink-employer.test\"}"));
        String ana = MailLinkTests.id(api.postJson("/api/v1/contacts", """
                {"firstName":"Ana","emails":[{"address":"ana.old@gmail.com"},{"address":"ana.new@gmail.com"}],
                 "companyId":"%s"}""".formatted(employer)));
        String deal = MailLinkTests.id(
                api.postJson("/api/v1/deals", "{\"name\":\"Deal\",\"contactIds\":[\"%s\"]}".formatted(ana)));
        String bea = MailLinkTests.id(api.postJson("/api/v1/contacts", """
                {"firstName":"Bea","emails":[{"address":"bea@gmail.com"}],"companyId":"%s"}""".formatted(employer)));
        String lead = MailLinkTests.id(api.postJson(
                "/api/v1/leads", "{\"firstName\":\"Lee\",\"emails\":[{\"address\":\"lee@unlink-leads.test\"}]}"));

        UUID account = rows.account(tenant, owner.userId(), "me@unlinking.test", MailAccount.Sharing.PRIVATE);
        var fromOld =
                rows.message(tenant, account, "ana.old@gmail.com", List.of("me@unlinking.test"), List.of(), "1", "a");
        var fromNew =
                rows.message(tenant, account, "ana.new@gmail.com", List.of("me@unlinking.test"), List.of(), "2", "b");
        var oldAndBea =
                rows.message(tenant, account, "ana.old@gmail.com", List.of("bea@gmail.com"), List.of(), "3", "c");
        var toLead = rows.message(
                tenant, account, "me@unlinking.test", List.of("lee@unlink-leads.test"), List.of(), "4", "d");
        tenants.run(
                tenant,
                null,
                () -> events.publishEvent(new MessagesStored(
                        tenant, account, List.of(fromOld.id(), fromNew.id(), oldAndBea.id(), toLead.id()))));
        List<String> throughAna = List.of("company:" + employer, "contact:" + ana, "deal:" + deal);
        assertThat(rows.links(tenant, fromOld.id())).containsExactlyInAnyOrderElementsOf(throughAna);
        assertThat(rows.links(tenant, oldAndBea.id()))
                .containsExactlyInAnyOrder("company:" + employer, "contact:" + ana, "contact:" + bea, "deal:" + deal);
        assertThat(rows.links(tenant, toLead.id())).containsExactly("lead:" + lead);

        HttpResponse<String> changed =
                api.patchJson("/api/v1/contacts/" + ana, "{\"emails\":[{\"address\":\"ana.new@gmail.com\"}]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(rows.links(tenant, fromOld.id()))
                        .as("the contact, and the company and deal that came through it")
                        .isEmpty());
        assertThat(rows.links(tenant, fromNew.id()))
                .as("the address the contact keeps keeps its links")
                .containsExactlyInAnyOrderElementsOf(throughAna);
        assertThat(rows.links(tenant, oldAndBea.id()))
                .as("the company still comes through Bea")
                .containsExactlyInAnyOrder("company:" + employer, "contact:" + bea);

        HttpResponse<String> leadChanged =
                api.patchJson("/api/v1/leads/" + lead, "{\"emails\":[{\"address\":\"lee@elsewhere.test\"}]}");
        assertThat(leadChanged.statusCode()).as(leadChanged.body()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(rows.links(tenant, toLead.id())).isEmpty());
    }

    @Test
    void aContactRestoredFromTheTrashGetsTheMailThatArrivedMeanwhile() {
        SignedUp owner = signUpAndVerify("Restoring Co");
        TenantId tenant = new TenantId(owner.tenantId());
        Browserless api = apiClient(owner.session());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        String cleo = MailLinkTests.id(api.postJson(
                "/api/v1/contacts", "{\"firstName\":\"Cleo\",\"emails\":[{\"address\":\"cleo@restore.test\"}]}"));
        UUID account = rows.account(tenant, owner.userId(), "me@restoring.test", MailAccount.Sharing.PRIVATE);
        var before =
                rows.message(tenant, account, "cleo@restore.test", List.of("me@restoring.test"), List.of(), "1", "a");
        tenants.run(tenant, null, () -> events.publishEvent(new MessagesStored(tenant, account, List.of(before.id()))));
        assertThat(rows.links(tenant, before.id())).containsExactly("contact:" + cleo);

        assertThat(api.delete("/api/v1/contacts/" + cleo).statusCode()).isBetween(200, 204);
        var meanwhile =
                rows.message(tenant, account, "cleo@restore.test", List.of("me@restoring.test"), List.of(), "2", "b");
        tenants.run(
                tenant, null, () -> events.publishEvent(new MessagesStored(tenant, account, List.of(meanwhile.id()))));
        assertThat(rows.links(tenant, meanwhile.id()))
                .as("a contact in the trash links nothing")
                .isEmpty();

        HttpResponse<String> restored = api.postJson("/api/v1/contacts/" + cleo + "/restore", "{}");
        assertThat(restored.statusCode()).as(restored.body()).isBetween(200, 204);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(rows.links(tenant, meanwhile.id())).containsExactly("contact:" + cleo));
        assertThat(rows.links(tenant, before.id())).containsExactly("contact:" + cleo);
    }

    @Test
    void aCompanyRestoredFromTheTrashGetsTheMailOfItsDomain() {
        SignedUp owner = signUpAndVerify("Restoring Companies Co");
        TenantId tenant = new TenantId(owner.tenantId());
        Browserless api = apiClient(owner.session());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        String acme = MailLinkTests.id(
                api.postJson("/api/v1/companies", "{\"name\":\"Acme\",\"domain\":\"acme-restore.test\"}"));
        UUID account = rows.account(tenant, owner.userId(), "me@restoring2.test", MailAccount.Sharing.PRIVATE);
        assertThat(api.delete("/api/v1/companies/" + acme).statusCode()).isBetween(200, 204);
        var meanwhile = rows.message(
                tenant, account, "bob@acme-restore.test", List.of("me@restoring2.test"), List.of(), "1", "a");
        tenants.run(
                tenant, null, () -> events.publishEvent(new MessagesStored(tenant, account, List.of(meanwhile.id()))));
        assertThat(rows.links(tenant, meanwhile.id())).isEmpty();

        HttpResponse<String> restored = api.postJson("/api/v1/companies/" + acme + "/restore", "{}");
        assertThat(restored.statusCode()).as(restored.body()).isBetween(200, 204);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(rows.links(tenant, meanwhile.id())).containsExactly("company:" + acme));
    }
}
