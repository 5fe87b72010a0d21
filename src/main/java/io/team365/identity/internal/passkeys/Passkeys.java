package io.team365.identity.internal.passkeys;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's passkeys: registering one (verified by Spring Security's WebAuthn support against the options the
 * browser was given), listing, renaming and removing them. Everything acts on the signed-in person's own passkeys;
 * another person's is simply not found.
 */
@Service
public class Passkeys {

    private static final Logger log = LoggerFactory.getLogger(Passkeys.class);

    private final JdbcClient jdbc;
    private final WebAuthnRelyingPartyOperations relyingParty;
    private final AuditTrail audit;

    Passkeys(JdbcClient jdbc, WebAuthnRelyingPartyOperations relyingParty, AuditTrail audit) {
        this.jdbc = jdbc;
        this.relyingParty = relyingParty;
        this.audit = audit;
    }

    public List<Passkey> list(SignedInUser user) {
        return jdbc.sql("""
                        select id, label, created_at, last_used_at from passkey_credentials
                        where user_id = :user order by created_at, id
                        """)
                .param("user", user.userId())
                .query((rs, row) -> new Passkey(
                        rs.getObject("id", UUID.class),
                        rs.getString("label"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at"))))
                .list();
    }

    /**
     * Verifies the authenticator's answer to {@code options} (challenge, origin, relying party, user verification)
     * and keeps the new passkey under the person's label for it.
     */
    @Transactional
    public Passkey register(
            SignedInUser user,
            String requestedLabel,
            PublicKeyCredentialCreationOptions options,
            PublicKeyCredential<AuthenticatorAttestationResponse> credential,
            AuditTrail.Actor actor) {
        Validation check = Validation.start();
        String label = check.text("label", requestedLabel, 100);
        if (options == null) {
            check.reject("credential", "passkeys.error.expired");
        } else if (!user.getName().equals(options.getUser().getName())) {
            // options fetched by another person in this browser session (signed out and in again meanwhile)
            check.reject("credential", "passkeys.error.expired");
        }
        check.throwIfInvalid();
        CredentialRecord record;
        try {
            record = relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(
                    options, new RelyingPartyPublicKey(credential, label)));
        } catch (RuntimeException refused) {
            // wrong origin or relying party, another challenge, no user verification, a known credential, bad data
            log.info("passkey registration refused: {}", refused.toString());
            throw InvalidInput.of("credential", "passkeys.error.not-verified");
        }
        Passkey passkey = jdbc.sql("""
                        select id, label, created_at, last_used_at from passkey_credentials
                        where credential_id = :credential and user_id = :user
                        """)
                .param("credential", record.getCredentialId().toBase64UrlString())
                .param("user", user.userId())
                .query((rs, row) -> new Passkey(
                        rs.getObject("id", UUID.class),
                        rs.getString("label"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at"))))
                .single();
        audit.record(
                user.tenant(),
                actor,
                "passkey.registered",
                "passkey",
                passkey.id().toString(),
                Map.of());
        return passkey;
    }

    @Transactional
    public void rename(SignedInUser user, UUID id, String requestedLabel) {
        Validation check = Validation.start();
        String label = check.text("label", requestedLabel, 100);
        check.throwIfInvalid();
        int updated = jdbc.sql("update passkey_credentials set label = :label where id = :id and user_id = :user")
                .param("label", label)
                .param("id", id)
                .param("user", user.userId())
                .update();
        if (updated == 0) {
            throw new NotFound("passkey");
        }
    }

    @Transactional
    public void remove(SignedInUser user, UUID id, AuditTrail.Actor actor) {
        int deleted = jdbc.sql("delete from passkey_credentials where id = :id and user_id = :user")
                .param("id", id)
                .param("user", user.userId())
                .update();
        if (deleted == 0) {
            throw new NotFound("passkey");
        }
        audit.record(user.tenant(), actor, "passkey.removed", "passkey", id.toString(), Map.of());
    }

    /**
     * Account closing: the person's passkeys and their WebAuthn user go, in the caller's transaction acting as the
     * person (deleting the user row would cascade to them too; this says so where the closing is written).
     */
    public void removeAll(UUID userId) {
        jdbc.sql("delete from passkey_users where user_id = :user")
                .param("user", userId)
                .update();
    }

    /**
     * Whether the person has any passkey: a passkey is a second factor too, so this decides, with an authenticator
     * app, whether a password or single sign-on owes one. Binds the person itself (also asked before they are signed
     * in).
     */
    public boolean any(SignedInUser user) {
        return io.team365.tenancy.TenantContext.callAs(
                user.tenant(),
                user.userId(),
                () -> jdbc.sql("select exists (select 1 from passkey_credentials where user_id = :user)")
                        .param("user", user.userId())
                        .query(Boolean.class)
                        .single());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
