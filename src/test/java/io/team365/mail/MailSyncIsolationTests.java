package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A folder renumbered by its server (new UIDVALIDITY) is read again without doubling its messages, and synced mail
 * of one Client is invisible to another in SQL run as the application role.
 */
class MailSyncIsolationTests extends MailSyncTestBase {

    @Test
    void aRenumberedFolderIsReadAgainAndItsMessagesKeepTheirRows() throws Exception {
        Client client = newClient("Renumbered AG");
        String me = "uv-" + UUID.randomUUID().toString().substring(0, 6) + "@mail.test";
        server.setUser(me, me, PASSWORD);
        long before;
        try (Store store = imap(me)) {
            Folder projects = store.getFolder("Projects");
            projects.create(Folder.HOLDS_MESSAGES);
            projects.appendMessages(new Message[] {
                message("p1-" + me, "x@partner.test", me, "P1", "one"),
                message("p2-" + me, "x@partner.test", me, "P2", "two"),
                message("p3-" + me, "x@partner.test", me, "P3", "three")
            });
            before = ((UIDFolder) projects).getUIDValidity();
        }
        UUID account = connect(client, me);
        awaitFreshSync(client, account);
        assertThat(messages(client, account)).isEqualTo(3);
        UUID p1 = row(client, "p1-" + me);

        Thread.sleep(5); // GreenMail derives UIDVALIDITY from the clock
        try (Store store = imap(me)) {
            Folder projects = store.getFolder("Projects");
            projects.delete(true);
            projects = store.getFolder("Projects");
            projects.create(Folder.HOLDS_MESSAGES);
            projects.appendMessages(new Message[] {
                message("p4-" + me, "x@partner.test", me, "P4", "four"),
                message("p1-" + me, "x@partner.test", me, "P1", "one")
            });
            projects.open(Folder.READ_ONLY);
            assertThat(((UIDFolder) projects).getUIDValidity()).isNotEqualTo(before);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                client,
                                "select count(*) from mail_folders where account_id = :a and uidvalidity <> :v",
                                Map.of("a", account, "v", before))
                        == 1);
        awaitFreshSync(client, account);

        assertThat(sql(
                        client,
                        () -> jdbc.sql("select message_id from mail_messages where account_id = :a order by message_id")
                                .param("a", account)
                                .query(String.class)
                                .list()))
                .containsExactly("p1-" + me, "p4-" + me);
        assertThat(row(client, "p1-" + me))
                .as("matched by Message-ID, not stored again")
                .isEqualTo(p1);
        assertThat(count(client, """
                        select count(*) from mail_locations l join mail_folders f on f.id = l.folder_id
                        where f.account_id = :a
                        """, Map.of("a", account))).isEqualTo(2);
    }

    @Test
    void syncedMailOfOneClientIsInvisibleToAnother() throws Exception {
        Client alpha = newClient("Alpha Mail");
        Client beta = newClient("Beta Mail");
        String a = "alpha-" + UUID.randomUUID().toString().substring(0, 6) + "@mail.test";
        String b = "beta-" + UUID.randomUUID().toString().substring(0, 6) + "@mail.test";
        server.setUser(a, a, PASSWORD);
        server.setUser(b, b, PASSWORD);
        user(a).deliver(withAttachment("ia-" + a, "x@partner.test", a, "For alpha", "a.pdf", "alpha".getBytes()));
        {
            var original = message("ib-" + b, "x@partner.test", b, "For beta", "beta");
            user(b).deliver(original);
            user(b).deliver(reply(original, "ib2-" + b, "y@partner.test", "Re: For beta"));
        }
        UUID alphaAccount = connect(alpha, a);
        UUID betaAccount = connect(beta, b);
        awaitFreshSync(alpha, alphaAccount);
        awaitFreshSync(beta, betaAccount);

        for (String table : List.of(
                "mail_accounts",
                "mail_folders",
                "mail_threads",
                "mail_messages",
                "mail_locations",
                "mail_attachments",
                "mail_message_refs")) {
            assertThat(count(
                            alpha,
                            "select count(*) from " + table + " where tenant_id <> :t",
                            Map.of("t", alpha.tenant().value())))
                    .as(table)
                    .isZero();
            assertThat(count(
                            beta,
                            "select count(*) from " + table + " where tenant_id <> :t",
                            Map.of("t", beta.tenant().value())))
                    .as(table)
                    .isZero();
            // with no Client bound, the application role sees nothing at all
            assertThat(jdbc.sql("select count(*) from " + table)
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(count(alpha, "select count(*) from mail_messages where account_id = :a", Map.of("a", betaAccount)))
                .isZero();
        assertThat(messages(alpha, alphaAccount)).isEqualTo(1);
        assertThat(messages(beta, betaAccount)).isEqualTo(2);
        assertThat(count(beta, "select count(*) from mail_message_refs", Map.of()))
                .isEqualTo(1);
    }

    private UUID row(Client client, String messageId) {
        return sql(
                client,
                () -> jdbc.sql("select id from mail_messages where message_id = :id")
                        .param("id", messageId)
                        .query(UUID.class)
                        .single());
    }
}
