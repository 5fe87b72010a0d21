package io.team365.mail.internal.sync;

import io.team365.core.TenantId;
import io.team365.files.FileStorage;
import io.team365.mail.internal.mime.AttachmentSink;
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
 * Stores attachment bytes once per Client and content: the part is streamed to a temporary file while its SHA-256
 * is computed (never held in memory), then put under {@code <tenant id>/mail/<sha256>} unless that blob exists.
 * Blobs written by a batch that then fails stay behind, harmless: the resumed batch finds them and stores nothing.
 */
@Component
public class AttachmentBlobs {

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
        Path temp = Files.createTempFile("team365-mail-", ".part");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                size = content.transferTo(out);
            }
            String sha256 = HexFormat.of().formatHex(sha.digest());
            String key = key(tenant, sha256);
            if (!storage.exists(key)) {
                try (InputStream in = Files.newInputStream(temp)) {
                    storage.put(key, in);
                } catch (UncheckedIOException e) {
                    // another sync stored the same content at the same moment: that is the same blob
                    if (!storage.exists(key)) {
                        throw e.getCause();
                    }
                }
            }
            return new AttachmentSink.Stored(sha256, key, size);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
