package io.team365.mail.internal.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/** An attachment sink for tests: hashes what it is given and keeps the first bytes of each part. */
class RecordingSink implements AttachmentSink {

    record Received(String fileName, String contentType, byte[] head, long size) {}

    final List<Received> received = new ArrayList<>();
    private final int keep;
    private final LongConsumer progress;

    RecordingSink() {
        this(64 * 1024, bytes -> {});
    }

    RecordingSink(int keep, LongConsumer progress) {
        this.keep = keep;
        this.progress = progress;
    }

    @Override
    public Stored store(String fileName, String contentType, InputStream content) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        long size = 0;
        try (InputStream in = new DigestInputStream(content, sha256)) {
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (head.size() < keep) {
                    head.write(buffer, 0, Math.min(n, keep - head.size()));
                }
                size += n;
                progress.accept(size);
            }
        }
        received.add(new Received(fileName, contentType, head.toByteArray(), size));
        String hash = HexFormat.of().formatHex(sha256.digest());
        return new Stored(hash, "test/mail/" + hash, size);
    }
}
