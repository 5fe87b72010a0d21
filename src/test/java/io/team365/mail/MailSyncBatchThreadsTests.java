package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Threads when a whole batch is placed at once (ADR 0034): a reply in the same batch as its original (before or
 * after it), a Message-ID twice in one batch, messages of one batch that join two stored threads (directly, through
 * each other, and through a stored reply that arrived before its original). The tests' batches hold 4 messages.
 */
class MailSyncBatchThreadsTests extends MailSyncTestBase {

    Client client;

    @BeforeAll
    void aClient() {
        client = newClient("Batch Threads GmbH");
    }

    @Test
    void repliesAndOriginalsInOneBatchShareAThreadAndRepeatedIdsAreStoredOnce() throws Exception {
        String me = "tina-" + UUID.randomUUID().toString().substring(0, 6) + "@mail.test";
        server.setUser(me, me, PASSWORD);
        GreenMailUser user = user(me);
        MimeMessage offer = message("o1@b.test", "bob@partner.test", me, "Offer", "the offer");
        MimeMessage first = message("x1@b.test", "carl@partner.test", me, "Lunch", "lunch?");
        // batch 1: a reply before its original, then an original before its reply
        user.deliver(reply(offer, "r1@b.test", "carl@partner.test", "Re: Offer"));
        user.deliver(offer);
        user.deliver(first);
        MimeMessage second = reply(first, "x2@b.test", "dora@partner.test", "Re: Lunch");
        user.deliver(second);
        // batch 2: a message already stored again, a new one twice, and one that refers to both threads
        user.deliver(offer);
        MimeMessage twice = message("d1@b.test", "eve@partner.test", me, "Twice", "twice");
        user.deliver(twice);
        user.deliver(twice);
        MimeMessage both = message("z1@b.test", "fred@partner.test", me, "Re: both", "both");
        both.setHeader("References", "<r1@b.test> <x2@b.test>");
        user.deliver(both);
        UUID account = connect(client, me);

        awaitFreshSync(client, account);

        assertThat(messages(client, account)).isEqualTo(6);
        assertThat(threadOf("r1@b.test")).isEqualTo(threadOf("o1@b.test"));
        assertThat(threadOf("x1@b.test")).isEqualTo(threadOf("o1@b.test"));
        assertThat(threadOf("x2@b.test")).isEqualTo(threadOf("o1@b.test"));
        assertThat(threadOf("z1@b.test")).isEqualTo(threadOf("o1@b.test"));
        assertThat(threadOf("d1@b.test")).isNotEqualTo(threadOf("o1@b.test"));
        assertThat(threads(account)).isEqualTo(2);
        assertThat(messageCount("o1@b.test")).isEqualTo(5);
        assertThat(messageCount("d1@b.test")).isEqualTo(1);
        // every UID has its location, the repeated ones on the one row
        assertThat(count(client, """
                        select count(*) from mail_locations l join mail_folders f on f.id = l.folder_id
                        where f.account_id = :a
                        """, Map.of("a", account))).isEqualTo(8);
        assertThat(count(client, """
                        select count(*) from mail_locations l join mail_messages m on m.id = l.message_id
                        where m.message_id in ('o1@b.test', 'd1@b.test')
                        """, Map.of())).isEqualTo(4);
        assertThat(count(client, """
                        select count(*) from mail_message_refs r join mail_messages m on m.id = r.message_id
                        where m.account_id = :a
                        """, Map.of("a", account))).isEqualTo(4);
        assertThat(sql(
                        client,
                        () -> jdbc.sql("""
                                select "references" from mail_messages where message_id = 'z1@b.test'
                                """)
                                .query((rs, n) ->
                                        List.of((String[]) rs.getArray(1).getArray()))
                                .single()))
                .containsExactly("r1@b.test", "x2@b.test");
        assertThat(sql(client, () -> jdbc.sql("""
                                select t.subject from mail_threads t join mail_messages m on m.thread_id = t.id
                                where m.message_id = 'd1@b.test'
                                """).query(String.class).single()))
                .isEqualTo("Twice");
    }

    @Test
    void messagesOfOneBatchJoiningTwoStoredThreadsMergeThem() throws Exception {
        String me = "ugo-" + UUID.randomUUID().toString().substring(0, 6) + "@mail.test";
        server.setUser(me, me, PASSWORD);
        GreenMailUser user = user(me);
        MimeMessage a = message("a@m.test", "bob@partner.test", me, "Alpha", "alpha");
        MimeMessage b = message("b@m.test", "carl@partner.test", me, "Beta", "beta");
        MimeMessage late = message("late@m.test", "dora@partner.test", me, "Re: Pi", "before its original");
        late.setHeader("In-Reply-To", "<p@m.test>");
        user.deliver(a);
        user.deliver(b);
        user.deliver(late);
        UUID account = connect(client, me);
        awaitFreshSync(client, account);
        assertThat(threads(account)).isEqualTo(3);
        UUID alpha = threadOf("a@m.test");
        UUID beta = threadOf("b@m.test");
        UUID pi = threadOf("late@m.test");

        // one batch: p answers a (and the stored late reply answers p), m2 answers b, m3 refers to p and m2
        MimeMessage p = reply(a, "p@m.test", "eve@partner.test", "Re: Alpha");
        user.deliver(p);
        MimeMessage m2 = reply(b, "m2@m.test", "fred@partner.test", "Re: Beta");
        user.deliver(m2);
        MimeMessage m3 = message("m3@m.test", "gina@partner.test", me, "Re: all", "all of it");
        m3.setHeader("References", "<p@m.test> <m2@m.test>");
        user.deliver(m3);
        user.deliver(message("m4@m.test", "hans@partner.test", me, "Other", "other"));
        awaitFreshSync(client, account);

        assertThat(messages(client, account)).isEqualTo(7);
        UUID merged = threadOf("a@m.test");
        assertThat(List.of(alpha, beta, pi)).contains(merged);
        for (String id : List.of("b@m.test", "late@m.test", "p@m.test", "m2@m.test", "m3@m.test")) {
            assertThat(threadOf(id)).as(id).isEqualTo(merged);
        }
        assertThat(threadOf("m4@m.test")).isNotEqualTo(merged);
        assertThat(threads(account)).isEqualTo(2);
        assertThat(messageCount("a@m.test")).isEqualTo(6);
        assertThat(count(client, "select unread_count from mail_threads where id = :t", Map.of("t", merged)))
                .isEqualTo(6);
        // the threads merged away are gone
        assertThat(count(client, "select count(*) from mail_threads where id = any(:t)", Map.of("t", new UUID[] {
                    alpha, beta, pi
                })))
                .isEqualTo(1);
    }

    private UUID threadOf(String messageId) {
        return sql(
                client,
                () -> jdbc.sql("select thread_id from mail_messages where message_id = :id")
                        .param("id", messageId)
                        .query(UUID.class)
                        .single());
    }

    private long threads(UUID account) {
        return count(client, "select count(*) from mail_threads where account_id = :a", Map.of("a", account));
    }

    private long messageCount(String messageId) {
        return count(client, """
                        select t.message_count from mail_threads t join mail_messages m on m.thread_id = t.id
                        where m.message_id = :id
                        """, Map.of("id", messageId));
    }
}
