package io.team365.exports.internal;

import io.team365.core.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where export files live: {@code <data dir>/exports/<tenant id>/<export id>}, written as a {@code .part} file in
 * the same folder and renamed when complete, so a download never sees half a file. Paths are built from ids only.
 */
@Component
public class ExportFiles {

    private static final Logger log = LoggerFactory.getLogger(ExportFiles.class);

    private final Path root;

    ExportFiles(@Value("${team365.data-dir}") String dataDir) {
        this.root = Path.of(dataDir, "exports").toAbsolutePath().normalize();
    }

    public Path file(TenantId tenant, UUID export) {
        return folder(tenant).resolve(export.toString());
    }

    Path folder(TenantId tenant) {
        return root.resolve(tenant.value().toString());
    }

    /** A new temporary file beside where the export's file goes. */
    Path temporary(TenantId tenant, UUID export) throws IOException {
        Files.createDirectories(folder(tenant));
        return Files.createTempFile(folder(tenant), export + "-", ".part");
    }

    void publish(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void delete(TenantId tenant, Collection<UUID> exports) {
        for (UUID export : exports) {
            deleteQuietly(file(tenant, export));
        }
    }

    /** Deletes the Client's files (finished or half-written) whose export is not in {@code keep}. */
    void deleteAllBut(TenantId tenant, Collection<UUID> keep) {
        Path folder = folder(tenant);
        if (!Files.isDirectory(folder)) {
            return;
        }
        Set<String> kept = new HashSet<>();
        keep.forEach(id -> kept.add(id.toString()));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.length() >= 36 ? name.substring(0, 36) : name;
                if (!kept.contains(id)) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the export file {}", file, e);
        }
    }
}
