package io.team365.imports.internal.read;

import java.util.List;

/**
 * One record of an import file: its 1-based number among the file's records (the header is not one), its values in
 * the order of {@link RecordSource#columns()}, and {@code problem} when the record cannot be imported as read (a
 * ragged row, a field over the size limit, an unterminated quote): such a record is reported, never imported.
 */
public record SourceRecord(long number, List<String> values, String problem) {

    public boolean readable() {
        return problem == null;
    }
}
