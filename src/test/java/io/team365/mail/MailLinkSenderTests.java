package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Add sender as contact" in one click: the contact is made from the sender's name and address, its values come from
 * the connected account, every message of the sender is linked, and the browser goes back to the thread. Invalid,
 * blocked and known senders are refused with a clear message and nothing changes; others' private mail is not found.
 */
class MailLinkSenderTests extends IntegrationTest {

    @Autowired
    TenantTransactions tenants;

    @Autowired
    MailAccountStore accounts;

    @Test
    void oneClickMakesTheContactFromTheSenderAndLinksAllTheirMail() {
        SignedUp owner = signUpAndVerify("Sender Co");
        Joined member = inviteAndJoin(owner, "member");
        TenantId tenant = new TenantId(owner.tenantId());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        UUID account = rows.account(tenant, owner.userId(), "me@sender.test", MailAccount.Sharing.PRIVATE);
        var first = rows.message(tenant, account, "Zoe@NewCo.test", List.of("me@sender.test"), List.of(), "Hello", "a");
        var second =
                rows.message(tenant, account, "zoe@newco.test", List.of("me@sender.test"), List.of(), "Again", "b");
        var invalid = rows.message(tenant, account, "not-an-address", List.of("me@sender.test"), List.of(), "X", "c");
        var blocked = rows.message(tenant, account, "bad@spam.test", List.of("me@sender.test"), List.of(), "Y", "d");
        tenants.run(tenant, null, () -> {
            jdbc.sql("update mail_messages set from_name = 'Zoe Quark' where id = :id")
                    .param("id", first.id())
                    .update();
            jdbc.sql("insert into mail_blocklist (tenant_id, account_id, pattern, created_at)"
                            + " values (:tenant, :account, 'bad@spam.test', now())")
                    .param("tenant", tenant.value())
                    .param("account", account)
                    .update();
        });
        String path = "/mail/messages/" + first.id() + "/sender-contact";

        assertThat(member.session().postForm(path, Map.of()).statusCode())
                .as("another member's private mail is not found")
                .isEqualTo(404);
        assertThat(contacts(tenant)).isZero();

        HttpResponse<String> added = owner.session().postForm(path, Map.of());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElse(""))
                .endsWith("/mail/threads/" + first.thread() + "?senderAdded");
        assertThat(contacts(tenant)).isEqualTo(1);
        UUID contact = tenants.call(
                tenant,
                null,
                () -> jdbc.sql("select id from contacts where first_name = 'Zoe' and last_name = 'Quark'"
                                + " and emails::text like '%zoe@newco.test%'")
                        .query(UUID.class)
                        .single());
        assertThat(tenants.call(
                        tenant,
                        null,
                        () -> jdbc.sql("select distinct source from value_sources where record_id = :id")
                                .param("id", contact)
                                .query(String.class)
                                .list()))
                .as("the values came from the connected mailbox")
                .containsExactly("connected-account");
        assertThat(rows.links(tenant, first.id())).containsExactly("contact:" + contact);
        assertThat(rows.links(tenant, second.id()))
                .as("the sender's other mail too")
                .containsExactly("contact:" + contact);

        HttpResponse<String> again =
                owner.session().postForm("/mail/messages/" + second.id() + "/sender-contact", Map.of());
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("A contact with this email address exists already.");
        HttpResponse<String> bad =
                owner.session().postForm("/mail/messages/" + invalid.id() + "/sender-contact", Map.of());
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("no valid email address", "/mail/threads/" + invalid.thread());
        HttpResponse<String> spam =
                owner.session().postForm("/mail/messages/" + blocked.id() + "/sender-contact", Map.of());
        assertThat(spam.statusCode()).isEqualTo(422);
        assertThat(spam.body()).contains("blocklist");
        assertThat(owner.session()
                        .postForm("/mail/messages/" + UUID.randomUUID() + "/sender-contact", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(contacts(tenant)).as("nothing made on refused input").isEqualTo(1);
    }

    private long contacts(TenantId tenant) {
        return tenants.call(
                tenant,
                null,
                () -> jdbc.sql("select count(*) from contacts")
                        .query(Long.class)
                        .single());
    }
}
