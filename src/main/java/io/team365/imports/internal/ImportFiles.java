package io.team365.imports.internal;

import io.team365.core.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The uploaded files while their import waits or runs: {@code <directory>/<tenant>/<import id>}, names made from ids
 * only. A file is deleted when its import ends (the rejected rows keep their values in {@code import_errors}).
 */
@Component
public class ImportFiles {

    private final Path directory;

    ImportFiles(ImportSettings settings, Environment environment) {
        this.directory = Path.of(environment.resolvePlaceholders(settings.directory()));
    }

    public Path path(TenantId tenant, UUID importId) {
        return directory.resolve(tenant.value().toString()).resolve(importId.toString());
    }

    /** A private file to receive an upload before it is checked; the caller moves or deletes it. */
    public Path incoming() {
        try {
            Path folder = Files.createDirectories(directory.resolve(".incoming"));
            return Files.createTempFile(folder, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the pages keep an upload between the upload step and the start (the mapping step in between); the
     * Client's id is part of the path, so a token from another Client finds nothing.
     */
    public Path staged(TenantId tenant, UUID token) {
        return directory.resolve(".staged").resolve(tenant.value().toString()).resolve(token.toString());
    }

    /** Moves an upload to the staging place of the pages. */
    public void stage(Path upload, TenantId tenant, UUID token) {
        try {
            Path target = staged(tenant, token);
            Files.createDirectories(target.getParent());
            Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a checked upload to where its import reads it. */
    public void keep(Path upload, TenantId tenant, UUID importId) {
        try {
            Path target = path(tenant, importId);
            Files.createDirectories(target.getParent());
            Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes uploads left in the wizard's staging place or half-received, last touched before {@code cutoff}: an
     * upload nobody started an import from holds a whole file of personal data for nothing. Returns how many.
     */
    public int deleteAbandonedUploads(Instant cutoff) {
        int deleted = 0;
        for (Path folder : List.of(directory.resolve(".staged"), directory.resolve(".incoming"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return deleted;
    }

    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // removed with the import's retention at the latest
        }
    }
}
