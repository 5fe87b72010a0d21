package io.team365.identity.internal.passkeys;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People as authenticators know them ({@code passkey_users}): the WebAuthn user name is the Team365 user id (the
 * principal name), the user handle a random value, and the display name the person's current name, read from
 * {@code users} rather than copied (at sign-in, before anyone is known, it falls back to the id).
 */
@Repository
class PasskeyUserEntities implements PublicKeyCredentialUserEntityRepository {

    private static final String SELECT = """
            select p.user_id, p.user_handle, u.name
            from passkey_users p left join users u on u.id = p.user_id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    PasskeyUserEntities(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        String handle = id.toBase64UrlString();
        return transaction.execute(status -> {
            PasskeyLookup.by(jdbc, handle);
            return jdbc.sql(SELECT + " where p.user_handle = :handle")
                    .param("handle", handle)
                    .query(PasskeyUserEntities::entity)
                    .optional()
                    .orElse(null);
        });
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        UUID userId = userId(username);
        if (userId == null) {
            return null;
        }
        return jdbc.sql(SELECT + " where p.user_id = :id")
                .param("id", userId)
                .query(PasskeyUserEntities::entity)
                .optional()
                .orElse(null);
    }

    /** Row-level security lets a person create only their own; a second call for them changes nothing. */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        UUID userId = userId(userEntity.getName());
        if (userId == null) {
            throw new IllegalArgumentException("a passkey user is named by a Team365 user id");
        }
        jdbc.sql("""
                        insert into passkey_users (user_id, user_handle) values (:id, :handle)
                        on conflict (user_id) do nothing
                        """)
                .param("id", userId)
                .param("handle", userEntity.getId().toBase64UrlString())
                .update();
    }

    @Override
    public void delete(Bytes id) {
        jdbc.sql("delete from passkey_users where user_handle = :handle")
                .param("handle", id.toBase64UrlString())
                .update();
    }

    private static UUID userId(String username) {
        try {
            return username == null ? null : UUID.fromString(username);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static PublicKeyCredentialUserEntity entity(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String userId = rs.getObject("user_id", UUID.class).toString();
        String name = rs.getString("name");
        return ImmutablePublicKeyCredentialUserEntity.builder()
                .id(Bytes.fromBase64(rs.getString("user_handle")))
                .name(userId)
                .displayName(name == null ? userId : name)
                .build();
    }
}
