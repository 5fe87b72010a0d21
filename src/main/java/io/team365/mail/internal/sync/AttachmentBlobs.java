package io.team365.mail.internal.sync;

import io.team365.core.TenantId;
import io.team365.files.FileStorage;
import io.team365.mail.internal.mime.AttachmentSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Stores attachment bytes once per Client and content: a part of up to 1 MiB is hashed in memory, a larger one is
 * streamed to a temporary file while its SHA-256 is computed (never held in memory whole); then it is put under
 * {@code <tenant id>/mail/<sha256>} unless that blob exists. Blobs written by a batch that then fails stay behind,
 * harmless: the resumed batch finds them and stores nothing.
 */
@Component
public class AttachmentBlobs {

    /** Attachments up to this size are hashed in memory; larger ones go through a temporary file. */
    static final int IN_MEMORY_LIMIT = 1024 * 1024;

    private final FileStorage storage;

    AttachmentBlobs(FileStorage storage) {
        this.storage = storage;
    }

    public static String key(TenantId tenant, String sha256) {
        return tenant.value() + "/mail/" + sha256;
    }

    /** The sink for the messages of one Client. */
    public AttachmentSink sinkFor(TenantId tenant) {
        return (fileName, contentType, content) -> store(tenant, content);
    }

    private AttachmentSink.Stored store(TenantId tenant, InputStream content) throws IOException {
        MessageDigest sha = sha256();
        // most attachments are small: hashed in memory and written once, instead of through a temporary file
        byte[] head = content.readNBytes(IN_MEMORY_LIMIT + 1);
        if (head.length <= IN_MEMORY_LIMIT) {
            sha.update(head);
            String sha256 = HexFormat.of().formatHex(sha.digest());
            putUnlessStored(key(tenant, sha256), () -> new ByteArrayInputStream(head));
            return new AttachmentSink.Stored(sha256, key(tenant, sha256), head.length);
        }
        Path temp = Files.createTempFile("team365-mail-", ".part");
        try {
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                out.write(head);
                size = head.length + content.transferTo(out);
            }
            String sha256 = HexFormat.of().formatHex(sha.digest());
            putUnlessStored(key(tenant, sha256), () -> Files.newInputStream(temp));
            return new AttachmentSink.Stored(sha256, key(tenant, sha256), size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The bytes to store, opened only when the blob is not stored yet. */
    @FunctionalInterface
    private interface Content {
        InputStream open() throws IOException;
    }

    private void putUnlessStored(String key, Content content) throws IOException {
        if (storage.exists(key)) {
            return;
        }
        try (InputStream in = content.open()) {
            storage.put(key, in);
        } catch (UncheckedIOException e) {
            // another sync stored the same content at the same moment: that is the same blob
            if (!storage.exists(key)) {
                throw e.getCause();
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
