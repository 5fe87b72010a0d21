package io.team365.privacy.internal;

import io.team365.core.TenantId;
import io.team365.tenancy.TenantContext;
import io.team365.tenancy.TenantCrypto;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The secret in preference and unsubscribe links: the Client's id in clear (so a public request knows which Client's
 * rows to read under row-level security), then the contact and an expiry encrypted with the Client's own data key
 * (AES-GCM: any change to any byte, or another Client's id in front, fails to decrypt). Nothing is stored, so a link
 * can be made for any contact at any time; it stops working after {@link #LIFETIME} or when the Client's key is
 * destroyed.
 */
@Component
public class PreferenceTokens {

    public static final Duration LIFETIME = Duration.ofDays(365);
    private static final String PURPOSE = "preference-link";

    /** What a valid token names. */
    public record Holder(TenantId tenant, UUID contactId) {}

    /** Why a token was refused: not one of ours (or altered), or one of ours that has expired. */
    public static class Refused extends RuntimeException {
        private final boolean expired;

        Refused(boolean expired) {
            super(expired ? "expired preference link" : "invalid preference link", null, false, false);
            this.expired = expired;
        }

        public boolean expired() {
            return expired;
        }
    }

    private final TenantCrypto crypto;
    private final Clock clock;

    PreferenceTokens(TenantCrypto crypto, Clock clock) {
        this.crypto = crypto;
        this.clock = clock;
    }

    public String issue(TenantId tenant, UUID contactId) {
        ByteBuffer secret = ByteBuffer.allocate(24);
        secret.putLong(contactId.getMostSignificantBits()).putLong(contactId.getLeastSignificantBits());
        secret.putLong(clock.instant().plus(LIFETIME).getEpochSecond());
        byte[] sealed = crypto.encrypt(tenant, PURPOSE, secret.array());
        ByteBuffer token = ByteBuffer.allocate(16 + sealed.length);
        token.putLong(tenant.value().getMostSignificantBits())
                .putLong(tenant.value().getLeastSignificantBits());
        token.put(sealed);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** @throws Refused when the token is malformed, altered, another Client's, or expired */
    public Holder read(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            throw new Refused(false);
        }
        if (raw.length < 16 + 24 || raw.length > 200) {
            throw new Refused(false);
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        TenantId tenant = new TenantId(new UUID(buffer.getLong(), buffer.getLong()));
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        byte[] secret;
        try {
            secret = TenantContext.callAs(tenant, null, () -> crypto.decrypt(tenant, PURPOSE, sealed));
        } catch (RuntimeException e) {
            // altered, another Client's, or a Client whose key is gone: all the same to the holder
            throw new Refused(false);
        }
        if (secret.length != 24) {
            throw new Refused(false);
        }
        ByteBuffer plain = ByteBuffer.wrap(secret);
        UUID contact = new UUID(plain.getLong(), plain.getLong());
        Instant expires = Instant.ofEpochSecond(plain.getLong());
        if (!clock.instant().isBefore(expires)) {
            throw new Refused(true);
        }
        return new Holder(tenant, contact);
    }
}
