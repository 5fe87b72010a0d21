package io.team365.mail.internal.account;

import io.team365.core.TenantId;
import io.team365.mail.internal.connect.MailLogin;
import io.team365.mail.internal.connect.MailSecrets;
import io.team365.mail.internal.connect.MailServer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_accounts} rows of the bound Client. Secrets are sealed before they reach SQL and opened only to
 * sign in to a server.
 */
@Repository
public class MailAccountStore {

    private static final String COLUMNS = """
            tenant_id, id, owner_id, provider, email, display_name, username, imap_host, imap_port, imap_security,
            smtp_host, smtp_port, smtp_security, sharing, sync_days, signature_html, status, last_error,
            last_synced_at, created_at, version
            """;

    private final JdbcClient jdbc;
    private final MailSecrets secrets;
    private final Clock clock;

    MailAccountStore(JdbcClient jdbc, MailSecrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Stores a new account with its secret (password, or refresh token for OAuth providers), due for a sync now. */
    public void insert(MailAccount account, String secret) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        insert into mail_accounts (tenant_id, id, owner_id, provider, email, display_name, username,
                            imap_host, imap_port, imap_security, smtp_host, smtp_port, smtp_security, secret, sharing,
                            sync_days, signature_html, status, next_sync_at, created_at, updated_at)
                        values (:tenant, :id, :owner, :provider, :email, :displayName, :username,
                            :imapHost, :imapPort, :imapSecurity, :smtpHost, :smtpPort, :smtpSecurity, :secret,
                            :sharing, :syncDays, :signature, 'new', :now, :now, :now)
                        """)
                .param("tenant", account.tenant().value())
                .param("id", account.id())
                .param("owner", account.ownerId())
                .param("provider", account.provider().key())
                .param("email", account.email())
                .param("displayName", account.displayName())
                .param("username", account.username())
                .param(
                        "imapHost",
                        account.imap() == null ? null : account.imap().host())
                .param(
                        "imapPort",
                        account.imap() == null ? null : account.imap().port())
                .param("imapSecurity", security(account.imap()))
                .param(
                        "smtpHost",
                        account.smtp() == null ? null : account.smtp().host())
                .param(
                        "smtpPort",
                        account.smtp() == null ? null : account.smtp().port())
                .param("smtpSecurity", security(account.smtp()))
                .param("secret", secrets.seal(account.tenant(), MailSecrets.SECRET, secret))
                .param("sharing", account.sharing().name().toLowerCase(Locale.ROOT))
                .param("syncDays", account.syncDays())
                .param("signature", account.signatureHtml())
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<MailAccount> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from mail_accounts where id = :id")
                .param("id", id)
                .query(MailAccountStore::account)
                .optional();
    }

    /**
     * How to sign in to the account's servers. For IMAP accounts the stored password; OAuth accounts get their
     * access token through the OAuth part of this module (refreshed when expired), which replaces this for them.
     */
    public MailLogin login(MailAccount account) {
        byte[] sealed = jdbc.sql("select secret from mail_accounts where id = :id")
                .param("id", account.id())
                .query(byte[].class)
                .single();
        String username = account.username() == null ? account.email() : account.username();
        if (account.provider() != MailAccount.Provider.IMAP) {
            throw new IllegalStateException(
                    "OAuth sign-in is not available for " + account.provider().key());
        }
        return MailLogin.password(username, secrets.open(account.tenant(), MailSecrets.SECRET, sealed));
    }

    private static String security(MailServer server) {
        return server == null ? null : server.security().name().toLowerCase(Locale.ROOT);
    }

    private static MailServer server(ResultSet rs, String prefix) throws SQLException {
        String host = rs.getString(prefix + "_host");
        if (host == null) {
            return null;
        }
        return new MailServer(
                host,
                rs.getInt(prefix + "_port"),
                MailServer.Security.valueOf(rs.getString(prefix + "_security").toUpperCase(Locale.ROOT)));
    }

    private static MailAccount account(ResultSet rs, int row) throws SQLException {
        Timestamp synced = rs.getTimestamp("last_synced_at");
        return new MailAccount(
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                MailAccount.Provider.valueOf(rs.getString("provider").toUpperCase(Locale.ROOT)),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("username"),
                server(rs, "imap"),
                server(rs, "smtp"),
                MailAccount.Sharing.valueOf(rs.getString("sharing").toUpperCase(Locale.ROOT)),
                rs.getInt("sync_days"),
                rs.getString("signature_html"),
                rs.getString("status"),
                rs.getString("last_error"),
                synced == null ? null : synced.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }
}
