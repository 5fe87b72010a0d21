package io.team365.imports.internal;

import io.team365.core.InvalidInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** An import's upload over HTTP, the same for the API and the pages: the part saved privately, the mapping read. */
public final class ImportUpload {

    /** The file is over the limit (answered 413, naming it). */
    public static final class TooLarge extends RuntimeException {
        private final long limit;

        TooLarge(long limit) {
            super("too large", null, false, false);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private ImportUpload() {}

    /**
     * The part copied to a private file (null when there is no part), after checking its size; an empty file is
     * refused.
     */
    public static Path save(MultipartFile file, ImportFiles files, long maxSize) {
        if (file != null
                && file.isEmpty()
                && file.getOriginalFilename() != null
                && !file.getOriginalFilename().isBlank()) {
            // a file of no bytes was chosen: saying "choose a file" would leave the person puzzled
            throw InvalidInput.of("file", "import.file-empty");
        }
        if (file == null || file.isEmpty()) {
            return null; // no file chosen (a form sends an empty part without a name)
        }
        if (file.getSize() > maxSize) {
            throw new TooLarge(maxSize);
        }
        Path target = files.incoming();
        try {
            file.transferTo(target);
            return target;
        } catch (IOException e) {
            files.delete(target);
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping JSON ({@code {"column": "field"}}), null when not given; refused (on {@code mapping}) if bad. */
    public static Map<String, String> mapping(ObjectMapper json, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Map<String, Object> read = json.readValue(raw, new TypeReference<Map<String, Object>>() {});
            Map<String, String> mapping = new LinkedHashMap<>();
            for (var entry : read.entrySet()) {
                if (entry.getValue() != null && !(entry.getValue() instanceof String)) {
                    throw InvalidInput.of("mapping." + entry.getKey(), "import.mapping-json");
                }
                mapping.put(entry.getKey(), (String) entry.getValue());
            }
            return mapping;
        } catch (tools.jackson.core.JacksonException e) {
            throw InvalidInput.of("mapping", "import.mapping-json");
        }
    }

    public static void discard(Path upload) {
        if (upload != null) {
            try {
                Files.deleteIfExists(upload);
            } catch (IOException ignored) {
                // the incoming folder is private; a leftover is harmless
            }
        }
    }
}
