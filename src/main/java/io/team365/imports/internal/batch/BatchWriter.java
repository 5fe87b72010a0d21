package io.team365.imports.internal.batch;

import io.team365.imports.ImportObject;
import java.util.List;

/** Writes one batch of an object's records, inside the batch's transaction; every record gets one outcome. */
public interface BatchWriter {

    /** What it writes. */
    ImportObject object();

    void write(BatchContext context, List<MappedRow> rows, BatchResult result);
}
