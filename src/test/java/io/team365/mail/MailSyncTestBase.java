package io.team365.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.connect.MailServer;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import jakarta.activation.DataHandler;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Shared setup of the mail sync tests: a GreenMail IMAP+SMTP server of the class's own behind a {@link
 * MailSyncProxy} (so a test can take the server away), Clients and mailboxes created as the accounts part does, and
 * SQL run with a Client bound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MailSyncTestBase extends IntegrationTest {

    protected static final String PASSWORD = "imap secret 7";

    protected GreenMail server;
    protected MailSyncProxy proxy;

    @Autowired
    protected MailAccountStore accountStore;

    @Autowired
    protected TenantTransactions tenants;

    /** A Client of the test (tenant and owner). */
    protected record Client(TenantId tenant, UUID user) {}

    @BeforeAll
    void mailServer() throws IOException {
        server = new GreenMail(new ServerSetup[] {
            new ServerSetup(MailSyncProxy.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(MailSyncProxy.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        server.start();
        proxy = new MailSyncProxy(MailSyncProxy.freePort(), server.getImap().getPort());
        proxy.start();
    }

    @AfterAll
    void stopMailServer() {
        proxy.close();
        server.stop();
    }

    protected Client newClient(String name) {
        SignedUp owner = signUpAndVerify(name);
        return new Client(new TenantId(owner.tenantId()), owner.userId());
    }

    /** A mailbox on the test server, and its account in the Client (due for sync at once). */
    protected UUID connect(Client client, String email) {
        server.setUser(email, email, PASSWORD);
        return connect(client, email, proxy.port(), PASSWORD);
    }

    /** An account in the Client for a mailbox on another IMAP server of the test (due for sync at once). */
    protected UUID connect(Client client, String email, int imapPort, String password) {
        UUID id = UUID.randomUUID();
        MailAccount account = new MailAccount(
                client.tenant(),
                id,
                client.user(),
                MailAccount.Provider.IMAP,
                email,
                null,
                email,
                new MailServer("127.0.0.1", imapPort, MailServer.Security.NONE),
                new MailServer("127.0.0.1", server.getSmtp().getPort(), MailServer.Security.NONE),
                MailAccount.Sharing.PRIVATE,
                30,
                null,
                "new",
                null,
                null,
                Instant.now(),
                0);
        tenants.run(client.tenant(), client.user(), () -> accountStore.insert(account, password));
        return id;
    }

    protected GreenMailUser user(String email) {
        return server.getManagers().getUserManager().getUser(email);
    }

    protected static MimeMessage message(String messageId, String from, String to, String subject, String text)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage();
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.setSentDate(new java.util.Date());
        message.saveChanges();
        message.setHeader("Message-ID", "<" + messageId + ">");
        return message;
    }

    protected static MimeMessage withAttachment(
            String messageId, String from, String to, String subject, String fileName, byte[] content)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage();
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, "application/pdf")));
        file.setFileName(fileName);
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(text, file));
        message.setSentDate(new java.util.Date());
        message.saveChanges();
        message.setHeader("Message-ID", "<" + messageId + ">");
        return message;
    }

    protected static MimeMessage reply(MimeMessage original, String messageId, String from, String subject)
            throws MessagingException {
        MimeMessage reply = message(messageId, from, original.getFrom()[0].toString(), subject, "a reply");
        reply.setHeader("In-Reply-To", original.getMessageID());
        reply.setHeader("References", original.getMessageID());
        return reply;
    }

    /** An IMAP session straight to the test server (not through the relay), as the mailbox's user. */
    protected Store imap(String email) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.getImap().getPort(), email, PASSWORD);
        return store;
    }

    /** Moves the message with the Message-ID from one folder to another, as a mail client does (copy, expunge). */
    protected void move(String email, String messageId, String from, String to) throws MessagingException {
        try (Store store = imap(email)) {
            Folder target = store.getFolder(to);
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            Folder source = store.getFolder(from);
            source.open(Folder.READ_WRITE);
            for (Message message : source.getMessages()) {
                if (("<" + messageId + ">").equals(((MimeMessage) message).getMessageID())) {
                    source.copyMessages(new Message[] {message}, target);
                    message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
                }
            }
            source.close(true);
        }
    }

    protected <T> T sql(Client client, Supplier<T> work) {
        return tenants.call(client.tenant(), client.user(), work);
    }

    protected long count(Client client, String sql, Map<String, ?> params) {
        return sql(client, () -> jdbc.sql(sql).params(params).query(Long.class).single());
    }

    protected Map<String, Object> account(Client client, UUID account) {
        return sql(
                client,
                () -> jdbc.sql("select * from mail_accounts where id = :id")
                        .param("id", account)
                        .query()
                        .singleRow());
    }

    /** Waits until two syncs of the account have completed after now: the second one started after this call. */
    protected void awaitFreshSync(Client client, UUID account) {
        for (int i = 0; i < 2; i++) {
            Timestamp before = (Timestamp) account(client, account).get("last_synced_at");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        Map<String, Object> row = account(client, account);
                        Timestamp after = (Timestamp) row.get("last_synced_at");
                        return after != null && (before == null || after.after(before));
                    });
        }
    }

    /** Adds an address or a domain to the account's blocklist, as the settings page does. */
    protected void block(Client client, UUID account, String pattern) {
        sql(
                client,
                () -> jdbc.sql("""
                        insert into mail_blocklist (tenant_id, account_id, pattern, created_at)
                        values (:t, :a, :p, now())
                        """)
                        .param("t", client.tenant().value())
                        .param("a", account)
                        .param("p", pattern)
                        .update());
    }

    protected long messages(Client client, UUID account) {
        return count(client, "select count(*) from mail_messages where account_id = :a", Map.of("a", account));
    }

    /** A MimeMessage that keeps the Message-ID it is given instead of making a new one when saved. */
    static final class FixedIdMessage extends MimeMessage {
        FixedIdMessage() {
            super(Session.getInstance(new Properties()));
        }

        @Override
        protected void updateMessageID() {
            // keep the test's own id
        }
    }
}
