package io.team365.exports.internal;

import io.team365.core.exporting.ExportColumn;
import io.team365.core.exporting.ExportRow;
import java.io.IOException;
import java.util.List;

/** Writes one format, row by row, to a buffered writer the job owns. */
interface ExportWriter {

    /** The columns the format needs, out of the object's columns; rows then come in this order. */
    List<ExportColumn> select(List<ExportColumn> columns);

    void begin() throws IOException;

    void row(ExportRow row) throws IOException;

    void end() throws IOException;
}
