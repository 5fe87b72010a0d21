package io.team365.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Where the bytes of attachments live. Keys are made by the files module, never from file names:
 * {@code <tenant id>/<attachment id>}, so an implementation can keep each Client's blobs apart (a folder, an object
 * key prefix) and a key can never point outside the store.
 *
 * <p>The local implementation writes below a directory on disk. An S3-compatible object store can implement the
 * same contract later (a {@code PutObject} is already all-or-nothing, so no blob is ever half visible there
 * either); choose it with {@code team365.files.storage}.
 */
public interface FileStorage {

    /** What was stored: its length and SHA-256, computed from the bytes actually written. */
    record StoredBlob(long size, String sha256) {}

    /**
     * Stores the stream's bytes under the key, replacing nothing: the blob becomes visible only when complete.
     *
     * @throws UncheckedIOException when the bytes could not be stored (nothing is left behind then)
     */
    StoredBlob put(String key, InputStream content);

    /** The stored bytes; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    /** Deletes the blob; deleting one that is not there is not an error. */
    void delete(String key);

    /** Whether a blob is stored under the key. */
    boolean exists(String key);
}
