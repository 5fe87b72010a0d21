package io.team365.imports.internal.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Opens an import file as {@link RecordSource}: detects CSV or vCard, the encoding and the delimiter.
 *
 * <p>PLACEHOLDER (to be replaced by the real readers): UTF-8, comma-separated, no quoting.
 */
public final class ImportReaders {

    private ImportReaders() {}

    /** Opens {@code file}; {@code fileName} is the name the user uploaded (its extension is a hint only). */
    public static RecordSource open(Path file, String fileName) throws IOException, UnreadableFile {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        String header = reader.readLine();
        if (header == null) {
            reader.close();
            throw new UnreadableFile("The file is empty.");
        }
        List<String> columns = Arrays.asList(header.split(",", -1));
        return new RecordSource() {
            private long number;

            @Override
            public List<String> columns() {
                return columns;
            }

            @Override
            public Optional<SourceRecord> next() throws IOException {
                String line = reader.readLine();
                if (line == null) {
                    return Optional.empty();
                }
                List<String> values = Arrays.asList(line.split(",", -1));
                number++;
                return Optional.of(
                        new SourceRecord(number, values, values.size() == columns.size() ? null : "ragged row"));
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
