package io.team365.privacy.requests;

import io.team365.core.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The secrets of the public side, all kept only as SHA-256 hashes: the 6-digit code mailed to a visitor (hashed with
 * its request id, so equal codes of two requests hash apart) and the status link's token, which starts with the
 * Client's id so the page knows which tenant to look in, followed by 256 random bits.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String newCode() {
        return "%06d".formatted(RANDOM.nextInt(1_000_000));
    }

    static String codeHash(UUID requestId, String code) {
        return sha256(requestId + ":" + code);
    }

    static String newStatusToken(TenantId tenant) {
        ByteBuffer bytes = ByteBuffer.allocate(48);
        bytes.putLong(tenant.value().getMostSignificantBits());
        bytes.putLong(tenant.value().getLeastSignificantBits());
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        bytes.put(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The Client a status token names, or empty for anything that is not one of ours. */
    static Optional<TenantId> tenantOf(String token) {
        if (token == null || token.length() != 64) {
            return Optional.empty();
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
            return Optional.of(new TenantId(new UUID(bytes.getLong(), bytes.getLong())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The one-way stand-in for an erased subject's address: SHA-256 over the tenant id and the lower-cased email. */
    static String subjectHash(TenantId tenant, String email) {
        return sha256(tenant.value() + email.strip().toLowerCase(Locale.ROOT));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
