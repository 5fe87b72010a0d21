package io.team365.imports.internal.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The records of an import file, read one at a time (never the whole file in memory). A bad record comes back with a
 * problem instead of stopping the reading; only an unreadable file (see {@link UnreadableFile}) stops it.
 */
public interface RecordSource extends Closeable {

    /** The column names: the CSV header row, or for vCards a fixed set of columns (see {@code ImportReaders}). */
    List<String> columns();

    /** The next record, or empty at the end of the file. */
    Optional<SourceRecord> next() throws IOException;
}
