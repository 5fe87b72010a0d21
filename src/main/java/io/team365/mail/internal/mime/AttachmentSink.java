package io.team365.mail.internal.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the parser puts an attachment's bytes while it walks a message, so that a large attachment is streamed to
 * storage and never held in memory. The sync stores each distinct content once per Client (by SHA-256).
 */
@FunctionalInterface
public interface AttachmentSink {

    /** What was stored for a part: its SHA-256, the storage key and its decoded size in bytes. */
    record Stored(String sha256, String storageKey, long size) {}

    Stored store(String fileName, String contentType, InputStream content) throws IOException;
}
