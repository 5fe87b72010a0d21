package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.mail.internal.account.MailAccount;
import io.team365.support.Browserless;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Sending, replying and forwarding through the account's SMTP server, with the copy appended to Sent. */
class MailSendingTests extends MailClientTestSupport {

    @Test
    void sendsToRecipientsCopiesAndBlindCopiesAndKeepsACopyInSent() throws Exception {
        SignedUp owner = signUpAndVerify("Mail Send Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        Browserless api = apiClient(owner.session());
        String to = uniqueEmail("to");
        String cc = uniqueEmail("cc");
        String bcc = uniqueEmail("bcc");
        String body = """
                {"accountId":"%s","to":["Tina To <%s>"],"cc":["%s"],"bcc":["%s"],"subject":"Quarterly plan",
                 "html":"<p>Hello <b>team</b></p><script>alert(1)</script>","signature":true}""".formatted(account, to, cc, bcc);

        var response = api.postJsonWith("/api/v1/mail/messages", body, "send-" + UUID.randomUUID());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID outgoing = UUID.fromString(Browserless.jsonField(response.body(), "id"));
        assertThat(Browserless.jsonField(response.body(), "status")).isEqualTo("queued");

        awaitSentAndCopied(owner.tenantId(), outgoing);
        MimeMessage toCopy = only(to);
        MimeMessage ccCopy = only(cc);
        MimeMessage bccCopy = only(bcc);
        String messageId = toCopy.getMessageID();
        assertThat(messageId).matches("<[0-9a-f-]{36}@example\\.test>");
        assertThat(ccCopy.getMessageID()).isEqualTo(messageId);
        assertThat(bccCopy.getMessageID()).isEqualTo(messageId);
        assertThat(toCopy.getHeader("To", ",")).contains(to).contains("Tina To");
        assertThat(toCopy.getHeader("Cc", ",")).contains(cc);
        assertThat(toCopy.getHeader("Bcc"))
                .as("Bcc is never shown to recipients")
                .isNull();
        assertThat(toCopy.getFrom()[0].toString()).contains(me);
        assertThat(toCopy.getSubject()).isEqualTo("Quarterly plan");
        assertThat(toCopy.isMimeType("multipart/alternative")).isTrue();
        String html = part(toCopy, "text/html");
        assertThat(html).contains("<b>team</b>").contains("Olive Owner").doesNotContain("<script");
        assertThat(part(toCopy, "text/plain")).contains("Hello team");

        List<MimeMessage> sent = sentFolder(me);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getMessageID()).isEqualTo(messageId);

        Map<String, Object> row = inTenant(
                owner.tenantId(),
                () -> jdbc.sql("""
                        select o.status, o.attempts, length(o.mime) as mime, m.direction, m.seen,
                            m.thread_id is not null as threaded
                        from mail_outgoing o join mail_messages m
                            on m.account_id = o.account_id and m.message_id = o.message_id
                        where o.id = :id""").param("id", outgoing).query().singleRow());
        assertThat(row)
                .containsEntry("status", "sent")
                .containsEntry("attempts", 1)
                .containsEntry("mime", 0);
        assertThat(row).containsEntry("direction", "outbound").containsEntry("seen", true);

        // the same Idempotency-Key returns the first answer, and nothing is queued twice
        String key = "again-" + UUID.randomUUID();
        var first = api.postJsonWith("/api/v1/mail/messages", body, key);
        var retried = api.postJsonWith("/api/v1/mail/messages", body, key);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(Browserless.jsonField(retried.body(), "id")).isEqualTo(Browserless.jsonField(first.body(), "id"));
        assertThat(count(owner.tenantId(), "select count(*) from mail_outgoing"))
                .isEqualTo(2);
    }

    @Test
    void aReplyCarriesTheThreadingHeadersAndStaysInTheThread() throws Exception {
        SignedUp owner = signUpAndVerify("Mail Reply Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        String partner = uniqueEmail("sam");
        UUID original = receive(
                owner.tenantId(),
                account,
                null,
                "orig-1@partner.test",
                list("root-0@partner.test"),
                "Pricing",
                partner,
                me,
                "<p>What about pricing?</p>",
                "What about pricing?",
                List.of());

        var response = apiClient(owner.session())
                .postJson(
                        "/api/v1/mail/messages",
                        "{\"inReplyTo\":\"%s\",\"mode\":\"reply\",\"text\":\"Here it is.\"}".formatted(original));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        awaitSentAndCopied(owner.tenantId(), UUID.fromString(Browserless.jsonField(response.body(), "id")));

        MimeMessage reply = only(partner);
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<orig-1@partner.test>");
        assertThat(reply.getHeader("References", null)).isEqualTo("<root-0@partner.test> <orig-1@partner.test>");
        assertThat(reply.getSubject()).isEqualTo("Re: Pricing");
        assertThat(part(reply, "text/plain")).contains("Here it is.").contains("What about pricing?");
        assertThat(part(reply, "text/html")).contains("<blockquote>");

        UUID thread = threadOf(owner.tenantId(), original);
        assertThat(UUID.fromString(Browserless.jsonField(response.body(), "threadId")))
                .isEqualTo(thread);
        assertThat(count(owner.tenantId(), "select count(*) from mail_messages where thread_id = '" + thread + "'"))
                .isEqualTo(2);
        assertThat(count(
                        owner.tenantId(),
                        "select count(*) from mail_messages where answered and id = '" + original + "'"))
                .isEqualTo(1);
        String threadJson =
                apiClient(owner.session()).get("/api/v1/mail/threads/" + thread).body();
        assertThat(threadJson).contains("\"inReplyTo\":\"orig-1@partner.test\"").contains("Re: Pricing");
    }

    @Test
    void aForwardCarriesTheOriginalAttachment() throws Exception {
        SignedUp owner = signUpAndVerify("Mail Forward Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        byte[] terms = ("%PDF-1.4 terms and conditions " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        UUID original = receive(
                owner.tenantId(),
                account,
                null,
                "contract-" + UUID.randomUUID() + "@partner.test",
                List.of(),
                "Contract",
                uniqueEmail("sam"),
                me,
                null,
                "Please find the terms attached.",
                List.of(new Incoming("terms.pdf", "application/pdf", terms, null)));
        String colleague = uniqueEmail("colleague");

        var response = apiClient(owner.session())
                .postJson(
                        "/api/v1/mail/messages",
                        "{\"inReplyTo\":\"%s\",\"mode\":\"forward\",\"to\":[\"%s\"],\"text\":\"FYI\"}"
                                .formatted(original, colleague));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        awaitSentAndCopied(owner.tenantId(), UUID.fromString(Browserless.jsonField(response.body(), "id")));

        MimeMessage forwarded = only(colleague);
        assertThat(forwarded.getSubject()).isEqualTo("Fwd: Contract");
        assertThat(forwarded.getHeader("In-Reply-To")).isNull();
        assertThat(part(forwarded, "text/plain")).contains("Forwarded message").contains("Please find the terms");
        List<Part> files = attachments(forwarded);
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().getFileName()).isEqualTo("terms.pdf");
        assertThat(sha256(files.getFirst().getInputStream())).isEqualTo(sha256(terms));
    }

    @Test
    void attachmentsMakeTheRoundTripByHash() throws Exception {
        SignedUp owner = signUpAndVerify("Mail Attach Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        String to = uniqueEmail("to");
        String content = "quarter,revenue\nQ1,100\nQ2,250\n" + UUID.randomUUID();
        String boundary = "b-" + UUID.randomUUID();
        Browserless api = apiClient(owner.session());
        var response = api.send(
                "POST",
                "/api/v1/mail/messages",
                "multipart/form-data; boundary=" + boundary,
                multipart(
                        boundary,
                        List.<String[]>of(new String[] {
                            "message",
                            "{\"accountId\":\"%s\",\"to\":[\"%s\"],\"subject\":\"Numbers\",\"text\":\"See attached.\"}"
                                    .formatted(account, to),
                            "application/json"
                        }),
                        List.<String[]>of(new String[] {"files", "numbers.csv", "text/csv", content})));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        awaitSentAndCopied(owner.tenantId(), UUID.fromString(Browserless.jsonField(response.body(), "id")));

        List<Part> files = attachments(only(to));
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().getFileName()).isEqualTo("numbers.csv");
        String expected = sha256(content.getBytes(StandardCharsets.UTF_8));
        assertThat(sha256(files.getFirst().getInputStream())).isEqualTo(expected);

        String messageId = Browserless.jsonField(response.body(), "messageId");
        assertThat(inTenant(
                        owner.tenantId(),
                        () -> jdbc.sql("select sha256 from mail_attachments where message_id = :m and position = 0")
                                .param("m", UUID.fromString(messageId))
                                .query(String.class)
                                .single()))
                .isEqualTo(expected);
        var download = api.get("/api/v1/mail/messages/" + messageId + "/attachments/0");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(sha256(download.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        var page = owner.session().get("/mail/messages/" + messageId + "/attachments/0");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(content);
        assertThat(api.get("/api/v1/mail/messages/" + messageId + "/attachments/7")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void whenTheServerIsDownSendingIsRetriedAndSucceedsLater() throws Exception {
        SignedUp owner = signUpAndVerify("Mail Retry Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner.tenantId(), owner.userId(), me, MailAccount.Sharing.PRIVATE, closedPort());
        String to = uniqueEmail("to");
        var response = apiClient(owner.session())
                .postJson(
                        "/api/v1/mail/messages",
                        "{\"accountId\":\"%s\",\"to\":[\"%s\"],\"subject\":\"Later\",\"text\":\"Hi\"}"
                                .formatted(account, to));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID outgoing = UUID.fromString(Browserless.jsonField(response.body(), "id"));

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "1 queued mail.client.send.error.unreachable".equals(state(owner.tenantId(), outgoing)));
        assertThat(inTenant(
                        owner.tenantId(),
                        () -> jdbc.sql("select next_attempt_at > now() from mail_outgoing where id = :id")
                                .param("id", outgoing)
                                .query(Boolean.class)
                                .single()))
                .as("backed off")
                .isTrue();
        assertThat(received(to)).isEmpty();

        // the server comes back; the retry is due
        inTenant(owner.tenantId(), () -> {
            jdbc.sql("update mail_accounts set smtp_port = :port where id = :id")
                    .param("port", smtpPort())
                    .param("id", account)
                    .update();
            return jdbc.sql("update mail_outgoing set next_attempt_at = now() - interval '1 second' where id = :id")
                    .param("id", outgoing)
                    .update();
        });
        awaitSentAndCopied(owner.tenantId(), outgoing);
        assertThat(state(owner.tenantId(), outgoing)).isEqualTo("2 sent null");
        assertThat(only(to).getSubject()).isEqualTo("Later");
    }

    @Test
    void afterTheLastAttemptTheMessageFailsAndTheThreadSaysSo() {
        SignedUp owner = signUpAndVerify("Mail Fail Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner.tenantId(), owner.userId(), me, MailAccount.Sharing.PRIVATE, closedPort());
        var response = apiClient(owner.session())
                .postJson(
                        "/api/v1/mail/messages",
                        "{\"accountId\":\"%s\",\"to\":[\"%s\"],\"subject\":\"Never\",\"text\":\"Hi\"}"
                                .formatted(account, uniqueEmail("to")));
        UUID outgoing = UUID.fromString(Browserless.jsonField(response.body(), "id"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> state(owner.tenantId(), outgoing).startsWith("1 queued"));
        inTenant(owner.tenantId(), () -> jdbc.sql("""
                        update mail_outgoing set attempts = 5, next_attempt_at = now() - interval '1 second'
                        where id = :id""").param("id", outgoing).update());
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "6 failed mail.client.send.error.unreachable".equals(state(owner.tenantId(), outgoing)));
        String thread = Browserless.jsonField(response.body(), "threadId");
        String page = owner.session().page("/mail/threads/" + thread).body();
        assertThat(page).contains("Not sent").contains("could not be reached");
    }

    @Test
    void badRecipientsAreRejectedAndNothingIsQueued() {
        SignedUp owner = signUpAndVerify("Mail Bad Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        Browserless api = apiClient(owner.session());

        var bad = api.postJson(
                "/api/v1/mail/messages",
                "{\"accountId\":\"%s\",\"to\":[\"not an address\",\"ok@example.test\"],\"cc\":[\"bad@\"],\"text\":\"x\"}"
                        .formatted(account));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("\"field\":\"to\"")
                .contains("\"field\":\"cc\"")
                .contains("not an address");

        var none = api.postJson(
                "/api/v1/mail/messages", "{\"accountId\":\"%s\",\"to\":[],\"text\":\"x\"}".formatted(account));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("\"field\":\"to\"");

        var badMode = api.postJson(
                "/api/v1/mail/messages",
                "{\"accountId\":\"%s\",\"to\":[\"a@example.test\"],\"mode\":\"shout\"}".formatted(account));
        assertThat(badMode.statusCode()).isEqualTo(400);
        var unknownAnswer = api.postJson(
                "/api/v1/mail/messages", "{\"inReplyTo\":\"%s\",\"mode\":\"reply\"}".formatted(UUID.randomUUID()));
        assertThat(unknownAnswer.statusCode()).isEqualTo(400);
        assertThat(unknownAnswer.body()).contains("\"field\":\"inReplyTo\"");

        // the web form answers with the form and its errors
        String boundary = "b-" + UUID.randomUUID();
        var form = owner.session()
                .send(
                        "POST",
                        "/mail/send",
                        "multipart/form-data; boundary=" + boundary,
                        multipart(
                                boundary,
                                List.<String[]>of(
                                        new String[] {"accountId", account.toString()},
                                        new String[] {"to", "Bob <bob@@example>"},
                                        new String[] {"subject", "Hi"},
                                        new String[] {"body", "Hello"}),
                                List.of()));
        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(form.body())
                .contains("Not a valid email address: Bob &lt;bob@@example&gt;")
                .contains("Nothing was sent");

        assertThat(count(owner.tenantId(), "select count(*) from mail_outgoing"))
                .isZero();
        assertThat(count(owner.tenantId(), "select count(*) from mail_messages"))
                .isZero();
    }

    @Test
    void nobodySendsFromSomeoneElsesPrivateMailbox() {
        SignedUp owner = signUpAndVerify("Mail Owner Co");
        UUID account = connect(owner, owner.userId(), uniqueEmail("me"), MailAccount.Sharing.PRIVATE);
        Joined member = inviteAndJoin(owner, "member");
        var response = apiClient(member.session())
                .postJson(
                        "/api/v1/mail/messages",
                        "{\"accountId\":\"%s\",\"to\":[\"a@example.test\"],\"text\":\"x\"}".formatted(account));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"accountId\"");
        assertThat(count(owner.tenantId(), "select count(*) from mail_outgoing"))
                .isZero();
    }

    private void awaitSentAndCopied(UUID tenant, UUID outgoing) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> inTenant(
                        tenant,
                        () -> jdbc.sql("select status = 'sent' and length(mime) = 0 from mail_outgoing where id = :id")
                                .param("id", outgoing)
                                .query(Boolean.class)
                                .single()));
    }

    private String state(UUID tenant, UUID outgoing) {
        return inTenant(
                tenant,
                () -> jdbc.sql("select attempts || ' ' || status || ' ' || coalesce(last_error, 'null')"
                                + " from mail_outgoing where id = :id")
                        .param("id", outgoing)
                        .query(String.class)
                        .single());
    }

    private long count(UUID tenant, String sql) {
        return inTenant(tenant, () -> jdbc.sql(sql).query(Long.class).single());
    }

    /** The one copy a recipient of the test GreenMail received. */
    private static MimeMessage only(String recipient) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> received(recipient).size() == 1);
        return received(recipient).getFirst();
    }

    private static List<MimeMessage> received(String recipient) {
        return box.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(recipient), m -> true)
                .toList();
    }

    private List<MimeMessage> sentFolder(String user) throws Exception {
        Properties properties = new Properties();
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", imapPort(), user, "secret-pw");
        try {
            Folder folder = store.getFolder("Sent");
            assertThat(folder.exists()).isTrue();
            folder.open(Folder.READ_ONLY);
            List<MimeMessage> copies = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                copies.add(new MimeMessage((MimeMessage) m));
            }
            folder.close(false);
            return copies;
        } finally {
            store.close();
        }
    }

    private static String part(Part message, String type) throws Exception {
        if (message.isMimeType(type)) {
            return String.valueOf(message.getContent());
        }
        if (message.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                String found = part(multi.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<Part> attachments(Part message) throws Exception {
        List<Part> found = new ArrayList<>();
        if (Part.ATTACHMENT.equalsIgnoreCase(message.getDisposition())) {
            found.add(message);
        } else if (message.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                found.addAll(attachments(multi.getBodyPart(i)));
            }
        }
        return found;
    }

    private static String sha256(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return sha256(out.toByteArray());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
