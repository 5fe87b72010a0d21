package io.team365.imports.internal.batch;

import io.team365.imports.ImportObject;
import java.util.List;

/** Writes one batch of an object's records, inside the batch's transaction; every record gets one outcome. */
public interface BatchWriter {

    /** What it writes. */
    ImportObject object();

    void write(BatchContext context, List<MappedRow> rows, BatchResult result);

    /**
     * The part of a batch that needs neither the records in the database nor the batch's transaction: building and
     * checking each row, rejecting bad ones into {@code result}. The runner calls it ahead, on its reading thread and
     * in a read-only transaction of its own (for the Client's settings, such as custom field definitions), while the
     * batch before is being written; what it returns goes to {@link #write(BatchContext, List, Object,
     * BatchResult)}. Default: nothing ahead.
     */
    default Object prepare(BatchContext context, List<MappedRow> rows, BatchResult result) {
        return null;
    }

    /** Writes a batch that {@link #prepare} has seen; {@code result} already holds what it rejected. */
    default void write(BatchContext context, List<MappedRow> rows, Object prepared, BatchResult result) {
        write(context, rows, result);
    }
}
