package io.team365.identity.internal.passkeys;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The passkeys themselves ({@code passkey_credentials}), as Spring Security's WebAuthn support reads and writes
 * them. A person sees and changes only their own; a sign-in finds one by the credential id it presents. Times come
 * from the application's clock: registration stamps {@code created_at}, a verified sign-in {@code last_used_at}.
 */
@Repository
class PasskeyCredentials implements UserCredentialRepository {

    private static final String COLUMNS = """
            credential_id, user_handle, label, credential_type, public_key, attestation_object, signature_count,
            uv_initialized, backup_eligible, backup_state, transports, created_at, last_used_at
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PasskeyCredentials(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void delete(Bytes credentialId) {
        jdbc.sql("delete from passkey_credentials where credential_id = :id")
                .param("id", credentialId.toBase64UrlString())
                .update();
    }

    /**
     * A known credential gets the counter and flags of a verified sign-in; an unknown one is registered for the
     * person whose user handle it names, which row-level security allows only for the person themselves.
     */
    @Override
    public void save(CredentialRecord record) {
        String credentialId = record.getCredentialId().toBase64UrlString();
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            PasskeyLookup.by(jdbc, credentialId);
            int updated = jdbc.sql("""
                            update passkey_credentials
                            set signature_count = :count, backup_state = :backupState,
                                uv_initialized = uv_initialized or :uv, last_used_at = :now
                            where credential_id = :id
                            """)
                    .param("count", record.getSignatureCount())
                    .param("backupState", record.isBackupState())
                    .param("uv", record.isUvInitialized())
                    .param("now", Timestamp.from(now))
                    .param("id", credentialId)
                    .update();
            if (updated > 0) {
                return;
            }
            if (record.getAttestationObject() == null) {
                throw new IllegalArgumentException("a new passkey needs its attestation object");
            }
            int inserted = jdbc.sql("""
                            insert into passkey_credentials (credential_id, id, user_id, user_handle, label,
                                credential_type, public_key, attestation_object, signature_count, uv_initialized,
                                backup_eligible, backup_state, transports, created_at)
                            select :id, :uuid, p.user_id, p.user_handle, :label, 'public-key', :publicKey,
                                :attestation, :count, :uv, :backupEligible, :backupState, :transports, :now
                            from passkey_users p
                            where p.user_handle = :handle
                            """)
                    .param("id", credentialId)
                    .param("uuid", io.team365.core.Ids.newId())
                    .param("label", record.getLabel())
                    .param("publicKey", record.getPublicKey().getBytes())
                    .param("attestation", record.getAttestationObject().getBytes())
                    .param("count", record.getSignatureCount())
                    .param("uv", record.isUvInitialized())
                    .param("backupEligible", record.isBackupEligible())
                    .param("backupState", record.isBackupState())
                    .param("transports", transports(record.getTransports()))
                    .param("now", Timestamp.from(now))
                    .param("handle", record.getUserEntityUserId().toBase64UrlString())
                    .update();
            if (inserted == 0) {
                throw new IllegalStateException("no passkey user of one's own with that handle");
            }
        });
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        String id = credentialId.toBase64UrlString();
        return transaction.execute(status -> {
            PasskeyLookup.by(jdbc, id);
            return jdbc.sql("select " + COLUMNS + " from passkey_credentials where credential_id = :id")
                    .param("id", id)
                    .query(PasskeyCredentials::record)
                    .optional()
                    .orElse(null);
        });
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return jdbc.sql("select " + COLUMNS
                        + " from passkey_credentials where user_handle = :handle order by created_at")
                .param("handle", userId.toBase64UrlString())
                .query(PasskeyCredentials::record)
                .list();
    }

    private static String[] transports(Set<AuthenticatorTransport> transports) {
        return transports == null
                ? new String[0]
                : transports.stream()
                        .map(AuthenticatorTransport::getValue)
                        .sorted()
                        .toArray(String[]::new);
    }

    private static CredentialRecord record(ResultSet rs, int row) throws SQLException {
        Array transports = rs.getArray("transports");
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        Instant created = rs.getTimestamp("created_at").toInstant();
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(Bytes.fromBase64(rs.getString("credential_id")))
                .userEntityUserId(Bytes.fromBase64(rs.getString("user_handle")))
                .publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
                .signatureCount(rs.getLong("signature_count"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .transports(Arrays.stream((String[]) transports.getArray())
                        .map(AuthenticatorTransport::valueOf)
                        .collect(Collectors.toUnmodifiableSet()))
                .attestationObject(new Bytes(rs.getBytes("attestation_object")))
                .created(created)
                .lastUsed(lastUsed == null ? created : lastUsed.toInstant())
                .label(rs.getString("label"))
                .build();
    }
}
