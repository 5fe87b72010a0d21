package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Opening a thread marks its messages read in Team365 at once and sets \Seen on the IMAP server by a worker (ADR
 * 0031); "Mark as unread" clears it again. A server that cannot be reached does not stop anyone reading, the write
 * waits and is retried, and meanwhile the sync keeps Team365's read state instead of the server's stale one.
 */
class MailSeenWriteBackTests extends MailSyncTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private record Mailbox(SignedUp owner, Client client, UUID account, String email, String first, String second) {}

    /** A synced mailbox with a two-message conversation from a partner in its INBOX, both unread. */
    private Mailbox mailbox(String company) throws MessagingException {
        SignedUp owner = signUpAndVerify(company);
        Client client = new Client(new TenantId(owner.tenantId()), owner.userId());
        String me = uniqueEmail("reader");
        UUID account = connect(client, me);
        String partner = uniqueEmail("partner");
        String first = "seen-1-" + UUID.randomUUID() + "@partner.test";
        String second = "seen-2-" + UUID.randomUUID() + "@partner.test";
        MimeMessage original = message(first, partner, me, "Delivery dates", "When can you deliver?");
        user(me).deliver(original);
        user(me).deliver(reply(original, second, partner, "Re: Delivery dates"));
        Awaitility.await().atMost(WAIT).until(() -> messages(client, account) == 2);
        return new Mailbox(owner, client, account, me, first, second);
    }

    @Test
    void openingAThreadSetsSeenOnTheServerAndMarkAsUnreadClearsIt() throws Exception {
        Mailbox box = mailbox("Seen Write Co");
        UUID thread = threadOf(box, box.first());
        assertThat(threadOf(box, box.second())).isEqualTo(thread);
        assertThat(seenInTeam365(box, box.first())).isFalse();
        assertThat(unreadCount(box, thread)).isEqualTo(2);
        assertThat(seenOnServer(box, box.first())).isFalse();

        var page = box.owner().session().page("/mail/threads/" + thread);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mark as unread");
        assertThat(seenInTeam365(box, box.first())).as("read here at once").isTrue();
        assertThat(seenInTeam365(box, box.second())).isTrue();
        assertThat(unreadCount(box, thread)).isZero();

        Awaitility.await().atMost(WAIT).until(() -> seenOnServer(box, box.first()) && seenOnServer(box, box.second()));
        Awaitility.await().atMost(WAIT).until(() -> pendingWrites(box) == 0);
        awaitFreshSync(box.client(), box.account());
        assertThat(seenInTeam365(box, box.first()))
                .as("the sync agrees with the server")
                .isTrue();

        // opening it again writes nothing more
        box.owner().session().page("/mail/threads/" + thread);
        assertThat(pendingWrites(box)).isZero();

        var unread = box.owner().session().postForm("/mail/threads/" + thread + "/unread", Map.of());
        assertThat(unread.statusCode()).isEqualTo(302);
        assertThat(unread.headers().firstValue("Location").orElseThrow()).endsWith("/mail");
        assertThat(seenInTeam365(box, box.first())).isFalse();
        assertThat(seenInTeam365(box, box.second())).isFalse();
        assertThat(unreadCount(box, thread)).isEqualTo(2);
        assertThat(box.owner().session().browse("/mail").body()).contains("marked as unread");
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !seenOnServer(box, box.first()) && !seenOnServer(box, box.second()));
        Awaitility.await().atMost(WAIT).until(() -> pendingWrites(box) == 0);
        awaitFreshSync(box.client(), box.account());
        assertThat(seenInTeam365(box, box.first())).isFalse();
        assertThat(unreadCount(box, thread)).isEqualTo(2);
    }

    @Test
    void anUnreachableServerDoesNotStopReadingAndTheWriteIsRetried() throws Exception {
        Mailbox box = mailbox("Seen Outage Co");
        UUID thread = threadOf(box, box.first());
        proxy.stop();
        try {
            var page = box.owner().session().page("/mail/threads/" + thread);
            assertThat(page.statusCode())
                    .as("reading does not wait for the server")
                    .isEqualTo(200);
            assertThat(page.body()).contains("When can you deliver?");
            assertThat(seenInTeam365(box, box.first())).isTrue();
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> "mail.client.seen.error.unreachable".equals(lastError(box, box.first())));
            assertThat(seenOnServer(box, box.first())).isFalse();
            // its retry is put off, as a long back-off would, so a sync surely runs while it waits
            delayWrites(box, "1 hour");
        } finally {
            proxy.start();
        }
        // the server is back; a sync while the write waits keeps Team365's read state, not the server's stale one
        assertThat(box.owner()
                        .session()
                        .postForm("/settings/mail/accounts/" + box.account() + "/sync", Map.of())
                        .statusCode())
                .isEqualTo(302);
        awaitFreshSync(box.client(), box.account());
        assertThat(seenOnServer(box, box.first()))
                .as("still waiting for the retry")
                .isFalse();
        assertThat(seenInTeam365(box, box.first()))
                .as("the server's stale flag does not undo the read")
                .isTrue();
        assertThat(unreadCount(box, thread)).isZero();

        // the retry comes due: the flag reaches the server and the wish is done
        delayWrites(box, "-1 second");
        Awaitility.await().atMost(WAIT).until(() -> seenOnServer(box, box.first()) && seenOnServer(box, box.second()));
        Awaitility.await().atMost(WAIT).until(() -> pendingWrites(box) == 0);
        awaitFreshSync(box.client(), box.account());
        assertThat(seenInTeam365(box, box.first())).isTrue();
    }

    @Test
    void aNewerWishWhileAWriteIsUnderwayWins() throws Exception {
        Mailbox box = mailbox("Seen Race Co");
        UUID thread = threadOf(box, box.first());
        box.owner().session().page("/mail/threads/" + thread);
        box.owner().session().postForm("/mail/threads/" + thread + "/unread", Map.of());
        assertThat(seenInTeam365(box, box.first())).isFalse();
        Awaitility.await().atMost(WAIT).until(() -> pendingWrites(box) == 0);
        assertThat(seenOnServer(box, box.first()))
                .as("the last wish reached the server")
                .isFalse();
        assertThat(seenOnServer(box, box.second())).isFalse();
        awaitFreshSync(box.client(), box.account());
        assertThat(seenInTeam365(box, box.first())).isFalse();
        assertThat(unreadCount(box, thread)).isEqualTo(2);
    }

    @Test
    void unknownAndOtherPeoplesThreadsAreNotFoundAndChangeNothing() throws Exception {
        Mailbox box = mailbox("Seen Privacy Co");
        UUID thread = threadOf(box, box.first());
        assertThat(box.owner()
                        .session()
                        .postForm("/mail/threads/" + UUID.randomUUID() + "/unread", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(box.owner()
                        .session()
                        .postForm("/mail/threads/not-a-thread/unread", Map.of())
                        .statusCode())
                .isIn(400, 404);

        Joined colleague = inviteAndJoin(box.owner(), "member");
        assertThat(colleague.session().page("/mail/threads/" + thread).statusCode())
                .isEqualTo(404);
        assertThat(colleague
                        .session()
                        .postForm("/mail/threads/" + thread + "/unread", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(seenInTeam365(box, box.first()))
                .as("a colleague's look at a private mailbox reads nothing")
                .isFalse();
        assertThat(pendingWrites(box)).isZero();

        // read by the owner, then a refused "unread" by the colleague leaves it read
        box.owner().session().page("/mail/threads/" + thread);
        Awaitility.await().atMost(WAIT).until(() -> pendingWrites(box) == 0);
        colleague.session().postForm("/mail/threads/" + thread + "/unread", Map.of());
        assertThat(seenInTeam365(box, box.first())).isTrue();
        assertThat(pendingWrites(box)).isZero();
        assertThat(seenOnServer(box, box.first())).isTrue();
    }

    private UUID threadOf(Mailbox box, String messageId) {
        return sql(
                box.client(),
                () -> jdbc.sql("select thread_id from mail_messages where account_id = :a and message_id = :m")
                        .param("a", box.account())
                        .param("m", messageId)
                        .query(UUID.class)
                        .single());
    }

    private boolean seenInTeam365(Mailbox box, String messageId) {
        return sql(
                box.client(),
                () -> jdbc.sql("select seen from mail_messages where account_id = :a and message_id = :m")
                        .param("a", box.account())
                        .param("m", messageId)
                        .query(Boolean.class)
                        .single());
    }

    private int unreadCount(Mailbox box, UUID thread) {
        return sql(
                box.client(),
                () -> jdbc.sql("select unread_count from mail_threads where id = :t")
                        .param("t", thread)
                        .query(Integer.class)
                        .single());
    }

    private long pendingWrites(Mailbox box) {
        return count(
                box.client(),
                "select count(*) from mail_flag_writes where account_id = :a",
                Map.of("a", box.account()));
    }

    private void delayWrites(Mailbox box, String interval) {
        sql(
                box.client(),
                () -> jdbc.sql("""
                                update mail_flag_writes set next_attempt_at = now() + cast(:interval as interval)
                                where account_id = :a""")
                        .param("interval", interval)
                        .param("a", box.account())
                        .update());
    }

    private String lastError(Mailbox box, String messageId) {
        return sql(
                box.client(),
                () -> jdbc.sql("""
                                select w.last_error from mail_flag_writes w
                                join mail_messages m on m.tenant_id = w.tenant_id and m.id = w.message_id
                                where m.account_id = :a and m.message_id = :m""")
                        .param("a", box.account())
                        .param("m", messageId)
                        .query(String.class)
                        .optional()
                        .orElse(null));
    }

    /** \Seen of the message in the INBOX, asked of the GreenMail server directly (not through the relay). */
    private boolean seenOnServer(Mailbox box, String messageId) throws MessagingException {
        try (Store store = imap(box.email())) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message message : inbox.getMessages()) {
                    if (("<" + messageId + ">").equals(((MimeMessage) message).getMessageID())) {
                        return message.isSet(Flags.Flag.SEEN);
                    }
                }
                throw new AssertionError("no message " + messageId + " on the server");
            } finally {
                inbox.close(false);
            }
        }
    }
}
