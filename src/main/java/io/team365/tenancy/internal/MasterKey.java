package io.team365.tenancy.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The key that wraps every Client's data key: 32 random bytes, base64, from {@code TEAM365_MASTER_KEY}
 * ({@code openssl rand -base64 32}). Without it, a key is generated once into the data directory, which suits a
 * laptop; production keeps it apart from the database and its backups, or in a KMS.
 */
@Component
class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final Aead aead;

    MasterKey(@Value("${team365.master-key:}") String configured, @Value("${team365.data-dir}") String dataDir)
            throws GeneralSecurityException {
        AeadConfig.register();
        byte[] key = StringUtils.hasText(configured) ? decode(configured) : keyFromDataDirectory(Path.of(dataDir));
        this.aead = aeadOf(key);
    }

    Aead aead() {
        return aead;
    }

    static Aead aeadOf(byte[] key) throws GeneralSecurityException {
        if (key.length != 32) {
            throw new IllegalStateException(
                    "The master key must be 32 bytes, base64-encoded (openssl rand -base64 32)");
        }
        AesGcmParameters parameters = AesGcmParameters.builder()
                .setKeySizeBytes(32)
                .setIvSizeBytes(12)
                .setTagSizeBytes(16)
                .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                .build();
        AesGcmKey aesKey = AesGcmKey.builder()
                .setParameters(parameters)
                .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                .build();
        KeysetHandle handle = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(aesKey).withRandomId().makePrimary())
                .build();
        return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TEAM365_MASTER_KEY is not valid base64", e);
        }
    }

    private static byte[] keyFromDataDirectory(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("master.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII));
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions; the data directory's own protection applies
            }
            log.warn(
                    "Generated a master key in {}. In production set TEAM365_MASTER_KEY and keep it apart from the"
                            + " database and its backups.",
                    file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the master key " + file, e);
        }
    }
}
