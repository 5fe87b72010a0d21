package io.team365.identity.internal.sso;

import io.team365.core.Ids;
import io.team365.tenancy.DatabaseLookups;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes {@code sso_identities}. Row-level security shows a person their own links and a sign-in the one
 * link whose key (a hash of registration, issuer and subject) it holds.
 */
@Repository
class SsoIdentities {

    private static final String COLUMNS = "id, user_id, registration_id, issuer, subject, email, email_verified, name,"
            + " picture_url, linked_at, last_used_at";

    private final JdbcClient jdbc;

    SsoIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String keyOf(String registrationId, String issuer, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((registrationId + "\n" + issuer + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link a sign-in presents, whoever it belongs to. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<SsoIdentity> findByKey(String key) {
        DatabaseLookups.byTokenHash(jdbc, key);
        return jdbc.sql("select " + COLUMNS + " from sso_identities where subject_key = :key")
                .param("key", key)
                .query(SsoIdentities::identity)
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    List<SsoIdentity> ofUser(UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from sso_identities where user_id = :user order by linked_at")
                .param("user", userId)
                .query(SsoIdentities::identity)
                .list();
    }

    /** The person's links, locked until the transaction ends: two unlinks at once cannot remove the last two. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<SsoIdentity> lockOfUser(UUID userId) {
        return jdbc.sql("select " + COLUMNS
                        + " from sso_identities where user_id = :user order by linked_at for update")
                .param("user", userId)
                .query(SsoIdentities::identity)
                .list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    UUID insert(UUID userId, ProviderClaims claims, Instant now) {
        UUID id = Ids.newId();
        String key = keyOf(claims.registrationId(), claims.issuer(), claims.subject());
        DatabaseLookups.byTokenHash(jdbc, key);
        jdbc.sql("""
                        insert into sso_identities (id, user_id, registration_id, issuer, subject, subject_key, email,
                            email_verified, name, picture_url, linked_at, last_used_at)
                        values (:id, :user, :registration, :issuer, :subject, :key, :email, :verified, :name,
                            :picture, :now, :now)
                        """)
                .param("id", id)
                .param("user", userId)
                .param("registration", claims.registrationId())
                .param("issuer", claims.issuer())
                .param("subject", claims.subject())
                .param("key", key)
                .param("email", claims.email())
                .param("verified", claims.emailVerified())
                .param("name", claims.name())
                .param("picture", claims.pictureUrl())
                .param("now", Timestamp.from(now))
                .update();
        return id;
    }

    /** A sign-in through the link: what the provider says now replaces what it said before. */
    @Transactional(propagation = Propagation.MANDATORY)
    void used(UUID id, ProviderClaims claims, Instant now) {
        jdbc.sql("""
                        update sso_identities set email = :email, email_verified = :verified, name = :name,
                            picture_url = :picture, last_used_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("email", claims.email())
                .param("verified", claims.emailVerified())
                .param("name", claims.name())
                .param("picture", claims.pictureUrl())
                .param("now", Timestamp.from(now))
                .update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean delete(UUID userId, UUID id) {
        return jdbc.sql("delete from sso_identities where id = :id and user_id = :user")
                        .param("id", id)
                        .param("user", userId)
                        .update()
                > 0;
    }

    private static SsoIdentity identity(ResultSet rs, int row) throws SQLException {
        return new SsoIdentity(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("registration_id"),
                rs.getString("issuer"),
                rs.getString("subject"),
                rs.getString("email"),
                rs.getBoolean("email_verified"),
                rs.getString("name"),
                rs.getString("picture_url"),
                instant(rs.getTimestamp("linked_at")),
                instant(rs.getTimestamp("last_used_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
