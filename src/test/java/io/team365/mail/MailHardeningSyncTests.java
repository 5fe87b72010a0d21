package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.MailFolder;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sync's window and folders deleted on the server (ADR 0032), against GreenMail, checked in SQL.
 */
class MailHardeningSyncTests extends MailSyncTestBase {

    Client client;

    @BeforeAll
    void aClient() {
        client = newClient("Sync Window GmbH");
    }

    private static Date daysAgo(int days) {
        return Date.from(Instant.now().minus(Duration.ofDays(days)));
    }

    /** Appends to the folder with this internal date (what IMAP SEARCH SINCE compares), as a server would keep it. */
    private void append(String email, String folder, MimeMessage message, Date internalDate) throws Exception {
        var manager = server.getManagers().getImapHostManager();
        MailFolder target = manager.getFolder(user(email), folder);
        if (target == null) {
            target = manager.createMailbox(user(email), folder);
        }
        message.setSentDate(internalDate);
        target.appendMessage(message, new Flags(), internalDate);
    }

    private List<String> storedIds(UUID account) {
        return sql(
                client,
                () -> jdbc.sql("select message_id from mail_messages where account_id = :a order by message_id")
                        .param("a", account)
                        .query(String.class)
                        .list());
    }

    @Test
    void theFirstSyncTakesOnlyMailReceivedWithinTheWindow() throws Exception {
        String me = "window-" + UUID.randomUUID().toString().substring(0, 6) + "@mail.test";
        server.setUser(me, me, PASSWORD);
        append(me, "INBOX", message("old-400@w.test", "a@partner.test", me, "Ancient", "x"), daysAgo(400));
        append(me, "INBOX", message("old-45@w.test", "b@partner.test", me, "Old", "x"), daysAgo(45));
        append(me, "INBOX", message("new-20@w.test", "c@partner.test", me, "Recent", "x"), daysAgo(20));
        append(me, "INBOX", message("new-0@w.test", "d@partner.test", me, "Today", "x"), new Date());
        UUID account = connect(client, me); // sync_days = 30

        awaitFreshSync(client, account);

        assertThat(storedIds(account)).containsExactly("new-0@w.test", "new-20@w.test");
        // the older mail counts as read: later syncs do not take it either
        awaitFreshSync(client, account);
        assertThat(storedIds(account)).containsExactly("new-0@w.test", "new-20@w.test");
        // mail arriving later is taken whatever date it carries (it is new to the mailbox)
        append(me, "INBOX", message("late-60@w.test", "e@partner.test", me, "Late", "x"), daysAgo(60));
        awaitFreshSync(client, account);
        assertThat(storedIds(account)).containsExactly("late-60@w.test", "new-0@w.test", "new-20@w.test");
    }

    @Test
    void aFolderDeletedOnTheServerGoesWithTheMailThatWasOnlyThere() throws Exception {
        String me = "folders-" + UUID.randomUUID().toString().substring(0, 6) + "@mail.test";
        server.setUser(me, me, PASSWORD);
        MimeMessage both = message("both@f.test", "a@partner.test", me, "In both", "x");
        user(me).deliver(both);
        append(me, "Projects", message("both@f.test", "a@partner.test", me, "In both", "x"), new Date());
        append(me, "Projects", message("only@f.test", "b@partner.test", me, "Only in Projects", "x"), new Date());
        append(me, "Keep", message("kept@f.test", "c@partner.test", me, "Kept", "x"), new Date());
        UUID account = connect(client, me);
        awaitFreshSync(client, account);
        assertThat(storedIds(account)).containsExactly("both@f.test", "kept@f.test", "only@f.test");
        assertThat(locations(account, "both@f.test")).containsExactly("INBOX", "Projects");
        UUID projects = folderId(account, "Projects");

        try (Store store = imap(me)) {
            Folder folder = store.getFolder("Projects");
            assertThat(folder.delete(true)).isTrue();
        }
        awaitFreshSync(client, account);

        assertThat(count(
                        client,
                        "select count(*) from mail_folders where account_id = :a and name = 'Projects'",
                        Map.of("a", account)))
                .isZero();
        assertThat(count(client, "select count(*) from mail_locations where folder_id = :f", Map.of("f", projects)))
                .isZero();
        assertThat(storedIds(account))
                .as("mail only in the deleted folder is gone; mail also elsewhere keeps its row")
                .containsExactly("both@f.test", "kept@f.test");
        assertThat(locations(account, "both@f.test")).containsExactly("INBOX");
        assertThat(count(
                        client,
                        "select count(*) from mail_threads where account_id = :a and subject = 'Only in Projects'",
                        Map.of("a", account)))
                .as("its thread went with it")
                .isZero();
        assertThat(locations(account, "kept@f.test")).containsExactly("Keep");
    }

    private UUID folderId(UUID account, String name) {
        return sql(
                client,
                () -> jdbc.sql("select id from mail_folders where account_id = :a and name = :n")
                        .param("a", account)
                        .param("n", name)
                        .query(UUID.class)
                        .single());
    }

    private List<String> locations(UUID account, String messageId) {
        return sql(
                client,
                () -> jdbc.sql("""
                                select f.name from mail_locations l
                                join mail_folders f on f.tenant_id = l.tenant_id and f.id = l.folder_id
                                join mail_messages m on m.tenant_id = l.tenant_id and m.id = l.message_id
                                where m.account_id = :a and m.message_id = :mid order by f.name""")
                        .param("a", account)
                        .param("mid", messageId)
                        .query(String.class)
                        .list());
    }
}
