package io.team365.imports.read;

import io.team365.imports.internal.read.ImportReaders;
import io.team365.imports.internal.read.RecordSource;
import io.team365.imports.internal.read.SourceRecord;
import io.team365.imports.internal.read.UnreadableFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the files of src/test/resources/imports (written by make-corpus.py there) through the import readers. */
final class Corpus {

    /** What a reader made of a file: its columns and all its records. */
    record Read(List<String> columns, List<SourceRecord> records) {

        List<SourceRecord> readable() {
            return records.stream().filter(SourceRecord::readable).toList();
        }

        SourceRecord record(long number) {
            return records.stream()
                    .filter(r -> r.number() == number)
                    .findFirst()
                    .orElseThrow();
        }

        String value(long number, String column) {
            return record(number).values().get(columns.indexOf(column));
        }
    }

    private Corpus() {}

    static Path file(String name) {
        try {
            return Path.of(Corpus.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Read read(String name) throws IOException, UnreadableFile {
        return readPath(file(name), name);
    }

    static Read readPath(Path path, String name) throws IOException, UnreadableFile {
        try (RecordSource source = ImportReaders.open(path, name)) {
            List<SourceRecord> records = new ArrayList<>();
            for (Optional<SourceRecord> r = source.next(); r.isPresent(); r = source.next()) {
                records.add(r.get());
            }
            return new Read(source.columns(), records);
        }
    }
}
