package io.team365.files.internal;

import io.team365.core.InvalidInput;
import io.team365.files.FileSettings;
import io.team365.files.FileUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks an upload before anything is stored: a usable name with an accepted extension, not empty, not over the
 * limit, and content of the type the extension claims. The bytes are copied once to a private temporary file
 * below the files directory (ZIP-based documents are recognised from their central directory, which needs the
 * whole file), and that copy is what gets stored, so what was checked is exactly what is kept.
 */
@Component
public class UploadChecks {

    /** An upload that passed: its clean name, detected type, size and the checked bytes (deleted on close). */
    public record CheckedFile(String fileName, String contentType, long size, Path bytes) implements AutoCloseable {
        public InputStream open() throws IOException {
            return Files.newInputStream(bytes);
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(bytes);
            } catch (IOException ignored) {
                // a temporary file is removed with the folder's next clean-up at the latest
            }
        }
    }

    private final long maxSize;
    private final Path incoming;

    UploadChecks(FileSettings settings, Environment environment) {
        this.maxSize = settings.maxSize().toBytes();
        this.incoming = Path.of(environment.resolvePlaceholders(settings.directory()), ".incoming");
    }

    public long maxSize() {
        return maxSize;
    }

    /** The name as it will be stored, refused (on {@code file}) if nothing usable or no accepted extension is left. */
    public String checkedName(String rawName) {
        String name = FileNames.clean(rawName);
        if (name.isEmpty()) {
            throw InvalidInput.of(ContentTypes.FIELD, "files.name-required");
        }
        ContentTypes.checkExtension(FileNames.extension(name));
        return name;
    }

    public CheckedFile check(FileUpload upload, Locale locale) {
        String name = checkedName(upload.fileName());
        Path copy = null;
        try {
            Files.createDirectories(incoming);
            copy = Files.createTempFile(incoming, "check-", ".part");
            long size = copyAtMost(upload, copy);
            if (size == 0) {
                throw InvalidInput.of(ContentTypes.FIELD, "files.empty");
            }
            if (size > maxSize) {
                throw InvalidInput.of(ContentTypes.FIELD, "files.too-large", FileSizes.human(maxSize, locale));
            }
            String type = ContentTypes.detect(copy, FileNames.extension(name));
            CheckedFile checked = new CheckedFile(name, type, size, copy);
            copy = null;
            return checked;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload", e);
        } finally {
            if (copy != null) {
                new CheckedFile(name, "", 0, copy).close();
            }
        }
    }

    /** Copies up to one byte more than the limit: enough to know it is too large without reading all of it. */
    private long copyAtMost(FileUpload upload, Path target) throws IOException {
        try (InputStream in = upload.content().getInputStream();
                OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total <= maxSize && (n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                total += n;
            }
            return total;
        }
    }
}
