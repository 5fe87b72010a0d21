package io.team365.identity.internal.mfa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Seals TOTP secrets. A person is global, not a Client's, so a Client's data key would be the wrong owner (leaving
 * a Client would shred the person's authenticator). The secrets are sealed instead with a platform key of their own:
 * AES-256-GCM, 32 bytes base64 from {@code team365.mfa.seal-key} ({@code TEAM365_MFA_SEAL_KEY}), or, on a laptop, a
 * key generated once into the data directory. The user id is the associated data, so a sealed secret copied to
 * another person's row does not open. See ADR 0027.
 */
@Component
class TotpSeal {

    private static final Logger log = LoggerFactory.getLogger(TotpSeal.class);
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    TotpSeal(@Value("${team365.mfa.seal-key:}") String configured, @Value("${team365.data-dir}") String dataDir) {
        byte[] bytes = StringUtils.hasText(configured) ? decode(configured) : keyFromDataDirectory(Path.of(dataDir));
        if (bytes.length != 32) {
            throw new IllegalStateException("The MFA seal key must be 32 bytes, base64 (openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    byte[] seal(UUID userId, byte[] secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(associatedData(userId));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed", e);
        }
    }

    byte[] open(UUID userId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            cipher.updateAAD(associatedData(userId));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The TOTP secret cannot be opened (altered, or another key)", e);
        }
    }

    private static byte[] associatedData(UUID userId) {
        return ("team365-totp:" + userId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TEAM365_MFA_SEAL_KEY is not valid base64", e);
        }
    }

    private static synchronized byte[] keyFromDataDirectory(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("mfa-seal.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII));
            }
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // no POSIX permissions here: the data directory's own protection applies
            }
            log.warn(
                    "Generated an MFA seal key in {}. In production set TEAM365_MFA_SEAL_KEY and keep it apart from"
                            + " the database and its backups.",
                    file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the MFA seal key " + file, e);
        }
    }
}
