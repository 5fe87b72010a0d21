package io.team365.mail.internal.connect;

import io.team365.core.TenantId;
import io.team365.tenancy.TenantCrypto;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * A mailbox's secrets (password, OAuth refresh and access tokens) encrypted with the Client's own data key
 * (ARCHITECTURE.md data rule 5). Each kind has its own purpose, so a ciphertext cannot be moved to another column.
 */
@Component
public class MailSecrets {

    /** The password of an IMAP account, or the OAuth refresh token of a Gmail or Microsoft one. */
    public static final String SECRET = "mail.account.secret";

    /** A short-lived OAuth access token. */
    public static final String ACCESS_TOKEN = "mail.account.access-token";

    private final TenantCrypto crypto;

    MailSecrets(TenantCrypto crypto) {
        this.crypto = crypto;
    }

    public byte[] seal(TenantId tenant, String purpose, String secret) {
        return crypto.encrypt(tenant, purpose, secret.getBytes(StandardCharsets.UTF_8));
    }

    public String open(TenantId tenant, String purpose, byte[] sealed) {
        return new String(crypto.decrypt(tenant, purpose, sealed), StandardCharsets.UTF_8);
    }
}
