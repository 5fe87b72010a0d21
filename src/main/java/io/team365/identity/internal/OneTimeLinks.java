package io.team365.identity.internal;

import io.team365.core.Ids;
import io.team365.tenancy.DatabaseLookups;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Email-verification and password-reset links: issued once, used once, expiring. */
@Repository
class OneTimeLinks {

    static final String VERIFY_EMAIL = "verify-email";
    static final String RESET_PASSWORD = "reset-password";

    private final JdbcClient jdbc;

    OneTimeLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the secret to put in the link; only its hash is stored. */
    String issue(UUID userId, String purpose, Duration validity) {
        String secret = SecretTokens.newSecret();
        jdbc.sql("""
                        insert into user_tokens (id, user_id, purpose, token_hash, expires_at)
                        values (:id, :user, :purpose, :hash, now() + make_interval(secs => :seconds))
                        """)
                .param("id", Ids.newId())
                .param("user", userId)
                .param("purpose", purpose)
                .param("hash", SecretTokens.hash(secret))
                .param("seconds", (double) validity.toSeconds())
                .update();
        return secret;
    }

    /** Marks the link used and returns its user, if the secret is genuine, unused, unexpired and for this purpose. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<UUID> redeem(String secret, String purpose) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        DatabaseLookups.byTokenHash(jdbc, SecretTokens.hash(secret));
        return jdbc.sql("""
                        update user_tokens set used_at = now()
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()
                        returning user_id
                        """)
                .param("hash", SecretTokens.hash(secret))
                .param("purpose", purpose)
                .query(UUID.class)
                .optional();
    }

    /** Uses up every open link of the person (after a password change, older reset links must not work). */
    void cancelAll(UUID userId) {
        jdbc.sql("update user_tokens set used_at = now() where user_id = :user and used_at is null")
                .param("user", userId)
                .update();
    }

    /** Whether the secret names an unused, unexpired link, without using it (to show the reset form). */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean isValid(String secret, String purpose) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return false;
        }
        DatabaseLookups.byTokenHash(jdbc, SecretTokens.hash(secret));
        return jdbc.sql("select count(*) from user_tokens where token_hash = :hash and purpose = :purpose"
                                + " and used_at is null and expires_at > now()")
                        .param("hash", SecretTokens.hash(secret))
                        .param("purpose", purpose)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
