package io.team365.mail.internal.account;

import io.team365.audit.AuditTrail;
import io.team365.files.FileStorage;
import io.team365.mail.internal.oauth.MailOAuthClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Disconnecting a mailbox (issue 6, Limited Use): either everything synced from it goes (the account row, and with
 * it by cascade its folders, threads, messages, attachments' rows, links, drafts and queued mail; then the
 * attachment bytes no other message of the Client still uses), or the mail stays and only the connection goes
 * (status {@code disconnected}, every secret wiped). Either way an OAuth grant is revoked at the provider.
 */
@Service
public class MailAccountDisconnection {

    private static final Logger log = LoggerFactory.getLogger(MailAccountDisconnection.class);

    private final MailAccountManagement accounts;
    private final MailAccountStore store;
    private final OAuthAccessTokens tokens;
    private final MailOAuthClient oauth;
    private final FileStorage files;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    MailAccountDisconnection(
            MailAccountManagement accounts,
            MailAccountStore store,
            OAuthAccessTokens tokens,
            MailOAuthClient oauth,
            FileStorage files,
            JdbcClient jdbc,
            AuditTrail audit) {
        this.accounts = accounts;
        this.store = store;
        this.tokens = tokens;
        this.oauth = oauth;
        this.files = files;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** What went: how many messages and stored attachment files (both 0 when the mail was kept). */
    public record Result(int messages, int files) {}

    @Transactional
    public Result disconnect(UUID id, boolean deleteMail, AuditTrail.Actor actor) {
        MailAccount account = accounts.view(id);
        String grant = account.provider() == MailAccount.Provider.IMAP ? null : tokens.refreshToken(account);
        Result result;
        if (deleteMail) {
            List<String> keys =
                    jdbc.sql("""
                            select distinct a.storage_key from mail_attachments a
                            join mail_messages m on m.tenant_id = a.tenant_id and m.id = a.message_id
                            where m.account_id = :account
                            """).param("account", id).query(String.class).list();
            int messages = jdbc.sql("select count(*) from mail_messages where account_id = :account")
                    .param("account", id)
                    .query(Integer.class)
                    .single();
            store.delete(id);
            // bytes are shared by content across the Client's messages: only those nothing refers to any more go
            List<String> unused = keys.isEmpty()
                    ? List.of()
                    : jdbc.sql("""
                                    select k from unnest(cast(:keys as text[])) k
                                    where not exists (select 1 from mail_attachments a where a.storage_key = k)
                                    """)
                            .param("keys", keys.toArray(String[]::new))
                            .query(String.class)
                            .list();
            String prefix = account.tenant().value() + "/mail/";
            List<String> ours =
                    unused.stream().filter(k -> k.startsWith(prefix)).toList();
            afterCommit(() -> ours.forEach(files::delete));
            result = new Result(messages, ours.size());
        } else {
            store.disconnect(id);
            result = new Result(0, 0);
        }
        audit.record(
                account.tenant(),
                actor,
                "mail.account.disconnected",
                "mail_account",
                id.toString(),
                Map.of(
                        "provider", account.provider().key(),
                        "mailDeleted", deleteMail,
                        "messages", result.messages(),
                        "files", result.files()));
        if (grant != null) {
            afterCommit(() -> {
                if (!oauth.revoke(account.provider(), grant)) {
                    log.info(
                            "The {} grant of mail account {} was forgotten, not revoked",
                            account.provider().key(),
                            id);
                }
            });
        }
        return result;
    }

    /** Files and the provider are told only once the database has let go, so a rollback loses nothing. */
    private static void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn(
                            "Clean-up after disconnecting a mail account failed: {}",
                            e.getClass().getSimpleName());
                }
            }
        });
    }
}
