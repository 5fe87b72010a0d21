package io.team365.imports.internal.batch;

/** A record that cannot be imported, and why (for the rejected rows' CSV). */
class RowProblem extends RuntimeException {

    RowProblem(String reason) {
        super(reason, null, false, false);
    }
}
