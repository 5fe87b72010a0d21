package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sync fetches the bodies of a batch several per command (ADR 0030), not one round trip per message: counted
 * at the IMAP level through the relay, with every message stored whole, including an 8-bit non-UTF-8 one and a
 * malformed one fetched in the same command as the others, and a large one still read on its own through a
 * temporary file. The tests' batch size is 4.
 */
class MailSyncBatchFetchTests extends MailSyncTestBase {

    @Test
    void bodiesOfABatchComeInOneCommandAndEveryMessageIsStoredWhole() throws Exception {
        Client client = newClient("Batch Fetch GmbH");
        String me = "bf-" + UUID.randomUUID().toString().substring(0, 6) + "@mail.test";
        server.setUser(me, me, PASSWORD);
        GreenMailUser user = user(me);
        for (int i = 0; i < 7; i++) {
            user.deliver(message(
                    "small-" + i + "-" + me,
                    "p" + i + "@partner.test",
                    me,
                    "Small " + i,
                    "body number " + i + " " + "filler text ".repeat(50 * (i + 1))));
        }
        byte[] pdf = new byte[20_000];
        new Random(3).nextBytes(pdf);
        user.deliver(withAttachment("pdf-" + me, "q@partner.test", me, "With a file", "small.pdf", pdf));
        user.deliver(eml("charset-koi8-r.eml"));
        user.deliver(eml("malformed-broken-base64.eml"));
        byte[] large = new byte[900_000];
        new Random(4).nextBytes(large);
        user.deliver(withAttachment("large-" + me, "r@partner.test", me, "Large", "large.bin", large));
        // 11 messages: batches of 4, 4 and 3; the large one (over the 1 MiB in-memory limit) streams on its own
        proxy.clearSent();
        UUID account = connect(client, me);

        awaitFreshSync(client, account);

        assertThat(messages(client, account)).isEqualTo(11);
        List<String> wholeBodyFetches = proxy.sent().stream()
                .filter(line -> line.contains("BODY.PEEK[]"))
                .toList();
        // before ADR 0030: one "FETCH n (BODY.PEEK[]<0.1048576>)" per small message, 10 of them
        assertThat(wholeBodyFetches).hasSize(3).allMatch(line -> line.contains("UID FETCH"));
        // whole messages (no partial <offset.length>), the batch's UIDs as one set: 1:4, 5:8, then 9:10 without
        // the large one
        assertThat(wholeBodyFetches).noneMatch(line -> line.contains("<"));
        assertThat(wholeBodyFetches.getFirst()).containsPattern("UID FETCH \\d+:\\d+ \\(BODY\\.PEEK\\[\\]\\)");
        for (int i = 0; i < 7; i++) {
            String id = "small-" + i + "-" + me;
            String body = sql(
                    client,
                    () -> jdbc.sql("select body_text from mail_messages where message_id = :id")
                            .param("id", id)
                            .query(String.class)
                            .single());
            assertThat(body).startsWith("body number " + i + " ").contains("filler text ");
            assertThat(body.strip())
                    .hasSize(("body number " + i + " " + "filler text ".repeat(50 * (i + 1)))
                            .strip()
                            .length());
        }
        assertThat(sql(
                        client,
                        () -> jdbc.sql("select body_text from mail_messages where message_id = :id")
                                .param("id", "charset-koi8-r@example.com")
                                .query(String.class)
                                .single()))
                .contains("Привет");
        assertThat(count(
                        client,
                        "select count(*) from mail_messages where account_id = :a and message_id = 'broken64@example.com'",
                        Map.of("a", account)))
                .isEqualTo(1);
        assertThat(count(client, """
                        select a.size from mail_attachments a join mail_messages m on m.id = a.message_id
                        where m.message_id = :id
                        """, Map.of("id", "pdf-" + me))).isEqualTo(pdf.length);
        assertThat(count(client, """
                        select a.size from mail_attachments a join mail_messages m on m.id = a.message_id
                        where m.message_id = :id
                        """, Map.of("id", "large-" + me))).isEqualTo(large.length);
        assertThat(account(client, account)).containsEntry("status", "ok");

        // an incremental sync of nothing new fetches no body at all
        proxy.clearSent();
        awaitFreshSync(client, account);
        assertThat(proxy.sent()).noneMatch(line -> line.contains("BODY.PEEK[]"));
        assertThat(messages(client, account)).isEqualTo(11);
    }

    private static MimeMessage eml(String file) throws Exception {
        try (InputStream in = MailSyncBatchFetchTests.class.getResourceAsStream("/mail/" + file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
