package io.team365.core.exporting;

/**
 * The current row of a streamed export: the text of each selected column, in the order they were selected. The
 * same object is handed over for every row and is valid only during the call, so nothing is built per row.
 */
public interface ExportRow {

    /** The column's text, or null. */
    String value(int column);
}
