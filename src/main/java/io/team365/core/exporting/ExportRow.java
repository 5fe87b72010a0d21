package io.team365.core.exporting;

import java.nio.charset.StandardCharsets;

/**
 * The current row of a streamed export: the text of each selected column, in the order they were selected. The
 * same object is handed over for every row and is valid only during the call, so nothing is built per row.
 */
public interface ExportRow {

    /** The column's text, or null. */
    String value(int column);

    /**
     * The column's text as UTF-8 bytes, or null: for writers of UTF-8 files, which then neither decode nor encode
     * it. The array may be the database driver's own buffer for the cell: read it during the call, never change it.
     */
    default byte[] bytes(int column) {
        String value = value(column);
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
