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
import java.util.List;
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
            last_synced_at, created_at, version, team_may_send
            """;

    private final JdbcClient jdbc;
    private final MailSecrets secrets;
    private final Clock clock;
    private final OAuthAccessTokens oauth;

    MailAccountStore(JdbcClient jdbc, MailSecrets secrets, Clock clock, OAuthAccessTokens oauth) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.oauth = oauth;
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
     * How to sign in to the account's servers: the stored password for IMAP accounts; for Gmail and Microsoft 365
     * a current OAuth access token, refreshed when it has expired.
     *
     * @throws MailConnectionFailed when the provider refuses the refresh (consent revoked: the account is then
     *     marked {@code auth_failed}) or cannot be reached
     * @throws IllegalStateException for a disconnected account, which has no secrets left
     */
    public MailLogin login(MailAccount account) {
        if (account.provider() != MailAccount.Provider.IMAP) {
            return MailLogin.oauth(account.email(), oauth.current(account));
        }
        byte[] sealed = jdbc.sql("select secret from mail_accounts where id = :id")
                .param("id", account.id())
                .query(byte[].class)
                .optional()
                .orElse(null);
        if (sealed == null) {
            throw new IllegalStateException("the mail account is disconnected");
        }
        String username = account.username() == null ? account.email() : account.username();
        return MailLogin.password(username, secrets.open(account.tenant(), MailSecrets.SECRET, sealed));
    }

    /** The accounts a user sees: their own, and for administrators the ones shared with the team. */
    public List<MailAccount> visibleTo(UUID user, boolean admin) {
        return jdbc.sql("select " + COLUMNS + """
                         from mail_accounts where owner_id = :user or (:admin and sharing = 'team')
                        order by owner_id = :user desc, email, created_at
                        """)
                .param("user", user)
                .param("admin", admin)
                .query(MailAccountStore::account)
                .list();
    }

    public boolean exists(UUID owner, String email) {
        return jdbc.sql("select exists (select 1 from mail_accounts where owner_id = :owner and email = :email)")
                .param("owner", owner)
                .param("email", email)
                .query(Boolean.class)
                .single();
    }

    /** Changes the settings if the account is still at {@code version} (null: any); true if it changed. */
    public boolean updateSettings(MailAccount changed, Integer version) {
        return jdbc.sql("""
                        update mail_accounts set display_name = :displayName, sharing = :sharing,
                            sync_days = :syncDays, signature_html = :signature, team_may_send = :teamMaySend,
                            updated_at = :now, version = version + 1
                        where id = :id and (cast(:version as integer) is null or version = :version)
                        """)
                        .param("id", changed.id())
                        .param("version", version)
                        .param("displayName", changed.displayName())
                        .param("sharing", changed.sharing().name().toLowerCase(Locale.ROOT))
                        .param("syncDays", changed.syncDays())
                        .param("signature", changed.signatureHtml())
                        .param("teamMaySend", changed.teamMaySend())
                        .param("now", Timestamp.from(now()))
                        .update()
                == 1;
    }

    /** Due for a sync now (the worker skips disconnected and auth_failed accounts). */
    public void requestSync(UUID id) {
        jdbc.sql("update mail_accounts set next_sync_at = :now where id = :id")
                .param("id", id)
                .param("now", Timestamp.from(now()))
                .update();
    }

    /** A new password that passed the connection test: the account may sync again. */
    public void replacePassword(MailAccount account, String password) {
        jdbc.sql("""
                        update mail_accounts set secret = :secret, status = 'new', last_error = null,
                            last_error_at = null, failures = 0, next_sync_at = :now, updated_at = :now,
                            version = version + 1
                        where id = :id
                        """)
                .param("id", account.id())
                .param("secret", secrets.seal(account.tenant(), MailSecrets.SECRET, password))
                .param("now", Timestamp.from(now()))
                .update();
    }

    /** Connected again (new OAuth tokens just stored): syncs again from where it stopped. */
    public void reactivate(UUID id) {
        jdbc.sql("""
                        update mail_accounts set status = 'new', last_error = null, last_error_at = null, failures = 0,
                            next_sync_at = :now, updated_at = :now, version = version + 1
                        where id = :id
                        """).param("id", id).param("now", Timestamp.from(now())).update();
    }

    /** Keeps the mail but forgets every secret; the account never syncs again. */
    public void disconnect(UUID id) {
        jdbc.sql("""
                        update mail_accounts set status = 'disconnected', secret = null, access_token = null,
                            access_expires_at = null, next_sync_at = null, lease_owner = null, lease_until = null,
                            updated_at = :now, version = version + 1
                        where id = :id
                        """).param("id", id).param("now", Timestamp.from(now())).update();
    }

    /** Deletes the account and, by cascade, everything synced from it. */
    public void delete(UUID id) {
        jdbc.sql("delete from mail_accounts where id = :id").param("id", id).update();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
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
                rs.getInt("version"),
                rs.getBoolean("team_may_send"));
    }
}
