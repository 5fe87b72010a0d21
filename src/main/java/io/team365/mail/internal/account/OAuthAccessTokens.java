package io.team365.mail.internal.account;

import io.team365.core.TenantId;
import io.team365.mail.internal.connect.MailSecrets;
import io.team365.mail.internal.oauth.MailOAuthClient;
import io.team365.mail.internal.oauth.OAuthFailure;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OAuth tokens of Gmail and Microsoft 365 accounts: the refresh token sealed in {@code secret}, the access token
 * sealed in {@code access_token} with its expiry. A token that expires within a minute is refreshed first; a refresh
 * the provider refuses for good ({@code invalid_grant}: consent revoked, token expired) marks the account
 * {@code auth_failed}, so the sync stops trying until the user connects it again.
 */
@Component
class OAuthAccessTokens {

    private static final Logger log = LoggerFactory.getLogger(OAuthAccessTokens.class);
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final MailSecrets secrets;
    private final MailOAuthClient client;
    private final Clock clock;
    private final TransactionTemplate separately;
    private final ConcurrentMap<UUID, ReentrantLock> refreshing = new ConcurrentHashMap<>();

    OAuthAccessTokens(
            JdbcClient jdbc,
            MailSecrets secrets,
            MailOAuthClient client,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.client = client;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private record Sealed(byte[] refresh, byte[] access, Instant expiresAt) {}

    /**
     * A usable access token, refreshed when needed. Refreshes of one account are taken one at a time on this server
     * (the sync and a user's send may ask at the same moment): the second caller finds the token the first one
     * stored, committed in a transaction of its own, instead of refreshing again.
     */
    String current(MailAccount account) {
        Sealed sealed = read(account.id(), false);
        if (usable(sealed)) {
            return secrets.open(account.tenant(), MailSecrets.ACCESS_TOKEN, sealed.access());
        }
        ReentrantLock lock = refreshing.computeIfAbsent(account.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            sealed = read(account.id(), true);
            if (usable(sealed)) {
                return secrets.open(account.tenant(), MailSecrets.ACCESS_TOKEN, sealed.access());
            }
            String refreshToken = secrets.open(account.tenant(), MailSecrets.SECRET, sealed.refresh());
            MailOAuthClient.Tokens tokens;
            try {
                tokens = client.refresh(account.provider(), refreshToken);
            } catch (OAuthFailure failure) {
                if (failure.consentRevoked()) {
                    markAuthFailed(account.id());
                    throw new MailConnectionFailed("oauth", MailConnectionTest.OAUTH_REVOKED, failure);
                }
                throw new MailConnectionFailed("oauth", MailConnectionTest.UNREACHABLE, failure);
            }
            storeCommitted(account.tenant(), account.id(), tokens);
            return tokens.accessToken();
        } finally {
            lock.unlock();
        }
    }

    private boolean usable(Sealed sealed) {
        return sealed.access() != null
                && sealed.expiresAt() != null
                && sealed.expiresAt().isAfter(clock.instant().plus(MARGIN));
    }

    /** The sealed tokens; {@code committed}: as committed by others (read in a transaction of its own). */
    private Sealed read(UUID id, boolean committed) {
        java.util.function.Supplier<Sealed> query =
                () -> jdbc.sql("select secret, access_token, access_expires_at from mail_accounts where id = :id")
                        .param("id", id)
                        .query((rs, row) -> new Sealed(
                                rs.getBytes("secret"),
                                rs.getBytes("access_token"),
                                rs.getTimestamp("access_expires_at") == null
                                        ? null
                                        : rs.getTimestamp("access_expires_at").toInstant()))
                        .optional()
                        .orElseThrow(() -> new IllegalStateException("no such mail account"));
        Sealed sealed = committed ? separately.execute(status -> query.get()) : query.get();
        if (sealed == null || sealed.refresh() == null) {
            throw new IllegalStateException("the mail account is disconnected");
        }
        return sealed;
    }

    /**
     * Stores new tokens in a transaction of their own, so that another caller waiting for this refresh sees them.
     * Should the caller hold the row's lock, waiting would deadlock: after a short lock timeout they are stored in
     * the caller's transaction instead.
     */
    private void storeCommitted(TenantId tenant, UUID id, MailOAuthClient.Tokens tokens) {
        try {
            separately.executeWithoutResult(status -> {
                jdbc.sql("set local lock_timeout = '3s'").update();
                store(tenant, id, tokens);
            });
        } catch (DataAccessException e) {
            store(tenant, id, tokens);
        }
    }

    /** The refresh token, to revoke it at the provider; null when there is none (disconnected). */
    String refreshToken(MailAccount account) {
        byte[] sealed = jdbc.sql("select secret from mail_accounts where id = :id")
                .param("id", account.id())
                .query(byte[].class)
                .optional()
                .orElse(null);
        return sealed == null ? null : secrets.open(account.tenant(), MailSecrets.SECRET, sealed);
    }

    /** Keeps new tokens; a provider that rotates refresh tokens (Microsoft) sends a new one to keep too. */
    void store(TenantId tenant, UUID id, MailOAuthClient.Tokens tokens) {
        Instant expires = clock.instant().plusSeconds(tokens.expiresInSeconds()).truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        update mail_accounts set access_token = :access, access_expires_at = :expires,
                            secret = coalesce(:refresh, secret)
                        where id = :id
                        """)
                .param("id", id)
                .param("access", secrets.seal(tenant, MailSecrets.ACCESS_TOKEN, tokens.accessToken()))
                .param("expires", Timestamp.from(expires))
                .param(
                        "refresh",
                        tokens.refreshToken() == null
                                ? null
                                : secrets.seal(tenant, MailSecrets.SECRET, tokens.refreshToken()))
                .update();
    }

    /**
     * Marks the account in a transaction of its own, so the mark stays when the caller's work rolls back. Should the
     * caller hold the row's lock (a sync that updated its lease in the same transaction), waiting would deadlock:
     * after a short lock timeout the mark is made in the caller's transaction instead.
     */
    private void markAuthFailed(UUID id) {
        try {
            separately.executeWithoutResult(status -> {
                jdbc.sql("set local lock_timeout = '3s'").update();
                mark(id);
            });
        } catch (DataAccessException e) {
            log.info("Marking mail account {} auth_failed in the caller's transaction", id);
            mark(id);
        }
    }

    private void mark(UUID id) {
        jdbc.sql("""
                        update mail_accounts set status = 'auth_failed', last_error = :error, last_error_at = :now,
                            access_token = null, access_expires_at = null
                        where id = :id and status <> 'disconnected'
                        """)
                .param("id", id)
                .param("error", MailConnectionTest.OAUTH_REVOKED)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
