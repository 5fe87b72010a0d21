package io.team365.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * The canonical form of an audit entry as the hash chain covers it (ADR 0010): every column, each written as a
 * four-byte length and its UTF-8 bytes (-1 for null), so no two different entries share a form. {@code details} is
 * PostgreSQL's text of the jsonb value, which is the same for equal values (keys sorted, whitespace normalised).
 */
record CanonicalEntry(
        UUID tenant,
        UUID id,
        Instant occurredAt,
        UUID actorId,
        String actorEmail,
        String action,
        String targetType,
        String targetId,
        String details,
        String ip,
        String userAgent) {

    static final byte[] GENESIS = new byte[32];
    private static final byte VERSION = 1;

    /** SHA-256 of the previous hash followed by this entry's canonical form. */
    byte[] chain(byte[] previous) {
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(VERSION);
        field(sha, tenant);
        field(sha, id);
        field(sha, occurredAt == null ? null : micros(occurredAt));
        field(sha, actorId);
        field(sha, actorEmail);
        field(sha, action);
        field(sha, targetType);
        field(sha, targetId);
        field(sha, details);
        field(sha, ip);
        field(sha, userAgent);
        return sha.digest();
    }

    private static String micros(Instant at) {
        return Long.toString(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000));
    }

    private static void field(MessageDigest sha, Object value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
