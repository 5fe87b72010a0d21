package io.team365.mail.internal.send;

import io.team365.core.TenantId;
import io.team365.files.FileStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Attachment bytes of mail in the files module's storage under {@code <tenant>/mail/<sha256>}: the same content is
 * stored once per Client, whether it came in by sync or was attached to a message written here.
 */
@Component
public class MailUploads {

    /** What was stored: the key and checksum the {@code mail_attachments} row names. */
    public record Stored(String sha256, String storageKey, long size) {}

    private final FileStorage storage;

    MailUploads(FileStorage storage) {
        this.storage = storage;
    }

    public Stored store(TenantId tenant, byte[] bytes) {
        String sha256 = sha256(bytes);
        String key = tenant.value() + "/mail/" + sha256;
        if (!storage.exists(key)) {
            storage.put(key, new ByteArrayInputStream(bytes));
        }
        return new Stored(sha256, key, bytes.length);
    }

    /** The stored bytes; the caller closes the stream. */
    public InputStream open(String storageKey) throws IOException {
        return storage.open(storageKey);
    }

    public byte[] read(String storageKey) {
        try (InputStream in = storage.open(storageKey)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
