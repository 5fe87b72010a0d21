package io.team365.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/** Which failures of a batch are about its records (written again in halves) and which keep today's handling. */
class DatabaseRefusalTests {

    private static PSQLException server(String state, String constraint, String column) {
        StringBuilder fields = new StringBuilder("SERROR\0C" + state + "\0Mnew row for relation \"contacts\" violates"
                + " check constraint, failing row contains (secret@example.test)\0");
        if (constraint != null) {
            fields.append('n').append(constraint).append('\0');
        }
        if (column != null) {
            fields.append('c').append(column).append('\0');
        }
        return new PSQLException(new ServerErrorMessage(fields.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23514", "23502", "23505", "23503", "22001", "22003", "22P02", "22021"})
    void dataExceptionsAndIntegrityViolationsAreRefusals(String state) {
        var failure = new DataIntegrityViolationException("batch", server(state, "contacts_check", null));

        assertThat(DatabaseRefusal.of(failure)).contains(new DatabaseRefusal(state, "contacts_check", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "57P01", "40001", "40P01", "53100", "54000", "42501", "XX000"})
    void theDatabaseGoingAwayOrFailingIsNoRefusal(String state) {
        assertThat(DatabaseRefusal.of(new RuntimeException(server(state, null, null))))
                .isEmpty();
    }

    @Test
    void aLostConnectionWinsOverARefusalInTheSameFailure() {
        var failure = new DataAccessResourceFailureException("gone", server("23514", "contacts_check", null));

        assertThat(DatabaseRefusal.of(failure)).isEmpty();
    }

    @Test
    void aBatchStatementsRefusalIsFoundInItsNextExceptionWithTheServersDetails() {
        var batch = new BatchUpdateException("Batch entry 0 insert into contacts ... was aborted", "23502", 0, null);
        batch.setNextException(server("23502", null, "first_name"));

        assertThat(DatabaseRefusal.of(new DataIntegrityViolationException("batch", batch)))
                .contains(new DatabaseRefusal("23502", null, "first_name"));
    }

    @Test
    void aRefusalOnTheClientSideHasNoDetails() {
        var zeroBytes = new SQLException("Zero bytes may not occur in string parameters.", "22023");

        assertThat(DatabaseRefusal.of(new DataIntegrityViolationException("x", zeroBytes)))
                .contains(new DatabaseRefusal("22023", null, null));
    }
}
