package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.MessageIDTerm;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Incremental sync against a server that offers CONDSTORE (a real Dovecot; GreenMail does not): the sync keeps the
 * folder's HIGHESTMODSEQ and then asks only for what changed since ({@code CHANGEDSINCE}), and flag changes and
 * deletions still arrive.
 */
class MailSyncCondstoreTests extends MailSyncTestBase {

    @Test
    void flagChangesAndDeletionsArriveThroughChangedSince() throws Exception {
        Client client = newClient("Condstore GmbH");
        String me = "cs-" + UUID.randomUUID().toString().substring(0, 6) + "@dove.test";
        try (Dovecot dovecot = Dovecot.start(List.of(me), PASSWORD);
                MailSyncProxy relay = new MailSyncProxy(MailSyncProxy.freePort(), dovecot.port())) {
            relay.start();
            try (Store store = store(relay.port(), me)) {
                store.getFolder("INBOX").appendMessages(new Message[] {
                    message("one-" + me, "a@partner.test", me, "One", "first"),
                    message("two-" + me, "b@partner.test", me, "Two", "second"),
                    message("three-" + me, "c@partner.test", me, "Three", "third")
                });
            }
            UUID account = connect(client, me, relay.port(), PASSWORD);
            awaitFreshSync(client, account);
            assertThat(messages(client, account)).isEqualTo(3);
            long modseq = inboxModseq(client, account);
            assertThat(modseq).isPositive();

            try (Store store = store(relay.port(), me)) {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                only(inbox, "two-" + me).setFlag(Flags.Flag.FLAGGED, true);
                only(inbox, "three-" + me).setFlag(Flags.Flag.SEEN, true);
                only(inbox, "one-" + me).setFlag(Flags.Flag.DELETED, true);
                inbox.close(true);
            }
            relay.clearSent();
            awaitFreshSync(client, account);

            assertThat(sql(
                            client,
                            () -> jdbc.sql("""
                                    select message_id, seen, flagged from mail_messages where account_id = :a
                                    order by message_id
                                    """)
                                    .param("a", account)
                                    .query((rs, n) -> rs.getString(1) + " seen=" + rs.getBoolean(2) + " flagged="
                                            + rs.getBoolean(3))
                                    .list()))
                    .containsExactly(
                            "three-" + me + " seen=true flagged=false", "two-" + me + " seen=false flagged=true");
            assertThat(inboxModseq(client, account)).isGreaterThan(modseq);
            assertThat(relay.sent()).anyMatch(line -> line.contains("CHANGEDSINCE " + modseq));
            assertThat(account(client, account)).containsEntry("status", "ok");
        }
    }

    private static Store store(int port, String user) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port, user, PASSWORD);
        return store;
    }

    private static Message only(Folder folder, String messageId) throws Exception {
        Message[] found = folder.search(new MessageIDTerm("<" + messageId + ">"));
        assertThat(found).hasSize(1);
        return found[0];
    }

    private long inboxModseq(Client client, UUID account) {
        return count(
                client,
                "select highest_modseq from mail_folders where account_id = :a and name = 'INBOX'",
                Map.of("a", account));
    }
}
