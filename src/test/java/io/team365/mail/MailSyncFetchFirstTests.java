package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.files.FileStorage;
import io.team365.mail.internal.sync.AttachmentBlobs;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A folder's first read fetches bodies first, without envelopes or a look-up of what is stored (ADR 0034): the
 * blocklist still keeps everything of a blocked message out, attachments first, and a folder of copies is stored
 * once and soon read by checking first. The tests' batch size is 4.
 */
class MailSyncFetchFirstTests extends MailSyncTestBase {

    @Autowired
    FileStorage storage;

    @Test
    void aBlockedMessageLeavesNothingBehindNotEvenItsAttachment() throws Exception {
        Client client = newClient("Fetch First Blocklist GmbH");
        String me = "ff-" + UUID.randomUUID().toString().substring(0, 6) + "@mail.test";
        UUID account = connect(client, me);
        awaitFreshSync(client, account);
        block(client, account, "blocked.test");
        byte[] secret = new byte[30_000];
        new Random(11).nextBytes(secret);
        byte[] large = new byte[1_200_000]; // over the 1 MiB in-memory limit: fetched on its own
        new Random(12).nextBytes(large);
        try (Store store = imap(me)) {
            // a folder new to the account: its first read fetches bodies first
            Folder projects = store.getFolder("Projects");
            projects.create(Folder.HOLDS_MESSAGES);
            projects.appendMessages(new Message[] {
                withAttachment("blocked-1-" + me, "boss@blocked.test", me, "Secret", "secret.bin", secret),
                withAttachment("blocked-2-" + me, "x@sub.blocked.test", me, "Large", "large.bin", large),
                cc(message("blocked-3-" + me, "friend@ok.test", me, "Cc to blocked", "x"), "y@blocked.test"),
                senderOnly(message("blocked-4-" + me, "nobody@ok.test", me, "Sender only", "x"), "z@blocked.test"),
                message("ok-" + me, "friend@ok.test", me, "Fine", "kept")
            });
        }

        awaitFreshSync(client, account);

        assertThat(sql(
                        client,
                        () -> jdbc.sql("select message_id from mail_messages where account_id = :a")
                                .param("a", account)
                                .query(String.class)
                                .list()))
                .containsExactly("ok-" + me);
        assertThat(storage.exists(AttachmentBlobs.key(client.tenant(), sha256(secret))))
                .isFalse();
        assertThat(storage.exists(AttachmentBlobs.key(client.tenant(), sha256(large))))
                .isFalse();
        // the read went past them: the next sync does not fetch them again
        proxy.clearSent();
        awaitFreshSync(client, account);
        assertThat(proxy.sent()).noneMatch(line -> line.contains("BODY.PEEK[]"));
    }

    @Test
    void aFolderOfCopiesIsStoredOnceAndSoonCheckedFirst() throws Exception {
        Client client = newClient("Fetch First Copies GmbH");
        String me = "fc-" + UUID.randomUUID().toString().substring(0, 6) + "@mail.test";
        server.setUser(me, me, PASSWORD);
        List<Message> mail = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            mail.add(message("copy-" + i + "-" + me, "p" + i + "@partner.test", me, "Copy " + i, "text " + i));
        }
        try (Store store = imap(me)) {
            for (String name : List.of("Alpha", "Beta")) {
                Folder folder = store.getFolder(name);
                folder.create(Folder.HOLDS_MESSAGES);
                folder.appendMessages(mail.toArray(Message[]::new));
            }
        }
        // the mailbox is ready before the account exists, so its first sync reads both folders for the first time
        proxy.clearSent();
        UUID account = connect(client, me);

        awaitFreshSync(client, account);

        assertThat(messages(client, account)).isEqualTo(60);
        assertThat(count(client, """
                        select count(*) from mail_locations l join mail_folders f on f.id = l.folder_id
                        where f.account_id = :a and f.name in ('Alpha', 'Beta')
                        """, Map.of("a", account))).isEqualTo(120);
        List<String> bodyFetches = proxy.sent().stream()
                .filter(line -> line.contains("BODY.PEEK[]"))
                .toList();
        // 15 batches of 4 per folder: the first folder's bodies all come, the copies' only until the read has
        // seen a batch of them stored already (and the two batches then in flight)
        assertThat(bodyFetches).hasSizeBetween(15, 15 + 4);
        // envelopes only for the copies read by checking first: none for the first folder, none before the switch
        assertThat(proxy.sent().stream().filter(line -> line.contains("ENVELOPE")))
                .hasSizeBetween(1, 15 - 1);
    }

    private static Message cc(jakarta.mail.internet.MimeMessage message, String address) throws Exception {
        message.addRecipients(Message.RecipientType.CC, address);
        message.saveChanges();
        return message;
    }

    /** No From header, a Sender instead: the parser takes the Sender as the one who sent it. */
    private static Message senderOnly(jakarta.mail.internet.MimeMessage message, String sender) throws Exception {
        message.removeHeader("From");
        message.setHeader("Sender", sender);
        return message;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
