package io.team365.files.internal;

import io.team365.files.FileStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Blobs on the local disk: {@code <directory>/<tenant id>/<attachment id>}. Each is written to a temporary file in
 * the same folder and then renamed atomically, so a crash or a broken upload never leaves a half-written blob
 * under a real key (at worst a {@code .part} file nobody reads). Keys must be two UUIDs, so no key can climb out
 * of the directory, whatever a caller passes.
 *
 * <p>Blobs are not encrypted by the application: ARCHITECTURE.md data rule 5 asks tenant-key encryption for
 * secrets (tokens, passwords, seeds), and {@code tenancy.TenantCrypto} encrypts whole byte arrays only, which would
 * hold every upload in memory. Disk or object-store encryption at rest is the deployment's part.
 */
class LocalFileStorage implements FileStorage {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"
            + "/([0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|mail/[0-9a-f]{64})"); // mail: <tenant>/mail/<sha256>

    private final Path root;

    LocalFileStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    @Override
    public StoredBlob put(String key, InputStream content) {
        Path target = resolve(key);
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), ".upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
                size = content.transferTo(out);
            }
            move(temp, target);
            return new StoredBlob(size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + key, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    /** The blob's path; refuses anything but {@code <uuid>/<uuid>}, and checks the result stays inside the root. */
    Path resolve(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return path;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // same folder, so this only happens on exotic file systems; a rename there is still one step
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (NoSuchFileException ignored) {
            // already moved into place
        } catch (IOException ignored) {
            // a stray .part file is harmless: it is never read
        }
    }
}
