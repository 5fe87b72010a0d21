package io.team365.mail;

import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.connect.MailServer;
import io.team365.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mail rows written straight to the database for the links tests (the sync is built elsewhere): an account that is
 * never due for a sync, threads and messages as the sync stores them.
 */
final class MailRows {

    private final JdbcClient jdbc;
    private final TenantTransactions tenants;
    private final MailAccountStore accounts;

    MailRows(JdbcClient jdbc, TenantTransactions tenants, MailAccountStore accounts) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.accounts = accounts;
    }

    UUID account(TenantId tenant, UUID owner, String email, MailAccount.Sharing sharing) {
        UUID id = UUID.randomUUID();
        tenants.run(tenant, owner, () -> {
            accounts.insert(
                    new MailAccount(
                            tenant,
                            id,
                            owner,
                            MailAccount.Provider.IMAP,
                            email,
                            null,
                            email,
                            new MailServer("imap.invalid", 993, MailServer.Security.SSL),
                            new MailServer("smtp.invalid", 465, MailServer.Security.SSL),
                            sharing,
                            30,
                            null,
                            "new",
                            null,
                            null,
                            Instant.now(),
                            0),
                    "not-a-real-password");
            // never due: no sync worker should try the invalid host while these tests run
            jdbc.sql("update mail_accounts set next_sync_at = null, status = 'ok' where id = :id")
                    .param("id", id)
                    .update();
        });
        return id;
    }

    /** A message in a thread of its own: {@code to} and {@code cc} as plain addresses. */
    Message message(
            TenantId tenant, UUID account, String from, List<String> to, List<String> cc, String subject, String body) {
        UUID thread = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        tenants.run(tenant, null, () -> {
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.sql("""
                            insert into mail_threads (tenant_id, account_id, id, subject, last_message_at, message_count)
                            values (:tenant, :account, :id, :subject, :now, 1)
                            """)
                    .param("tenant", tenant.value())
                    .param("account", account)
                    .param("id", thread)
                    .param("subject", subject)
                    .param("now", now)
                    .update();
            jdbc.sql("""
                            insert into mail_messages (tenant_id, account_id, id, thread_id, message_id, subject,
                                from_address, from_name, to_addresses, cc_addresses, received_at, snippet, body_text,
                                direction, source, created_at)
                            values (:tenant, :account, :id, :thread, :messageId, :subject, :from, :fromName,
                                cast(:to as jsonb), cast(:cc as jsonb), :now, :snippet, :body, 'inbound', 'imap', :now)
                            """)
                    .param("tenant", tenant.value())
                    .param("account", account)
                    .param("id", id)
                    .param("thread", thread)
                    .param("messageId", id + "@test.invalid")
                    .param("subject", subject)
                    .param("from", from)
                    .param("fromName", from == null ? null : "Sender " + from.split("@")[0])
                    .param("to", json(to))
                    .param("cc", json(cc))
                    .param("now", now)
                    .param("snippet", body.length() > 100 ? body.substring(0, 100) : body)
                    .param("body", body)
                    .update();
        });
        return new Message(id, thread);
    }

    record Message(UUID id, UUID thread) {}

    /** The links of a message as "type:id" strings. */
    List<String> links(TenantId tenant, UUID message) {
        return tenants.call(
                tenant,
                null,
                () -> jdbc.sql("""
                        select record_type || ':' || record_id from mail_links where message_id = :id
                        order by 1""").param("id", message).query(String.class).list());
    }

    private static String json(List<String> addresses) {
        return addresses.stream()
                .map(a -> "{\"name\":null,\"address\":\"" + a + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
