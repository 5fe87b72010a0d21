package io.team365.imports.internal;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The database refusing a batch because of the values in it, not because of the database: SQL states of class 22
 * (data exception: a value too long, out of range, badly formed, a character it cannot store) and class 23
 * (integrity constraint violation: a check, not-null, unique, foreign key or exclusion constraint). Both are about
 * what the statement wrote, so writing the batch again in halves finds the record refused (ImportRunner). A unique
 * or foreign key violation may also come from another writer at the same moment; written again, the records look
 * their duplicates up again and then go in.
 *
 * <p>Not a refusal: a lost connection (08, 57P), a serialization failure or deadlock (40), too few resources (53:
 * a full disk would refuse every record), a program limit (54) or any other state (42: a fault in the SQL). Those
 * keep their behaviour: the import resumes from its checkpoint or fails as a whole (ImportWorker).
 *
 * <p>The reason names the rule (a constraint's name) or the column when PostgreSQL says which, never the message,
 * which may quote the refused values or the statement.
 */
record DatabaseRefusal(String sqlState, String constraint, String column) {

    /** The refusal in {@code failure}'s causes, unless the failure is the database going away. */
    static Optional<DatabaseRefusal> of(Throwable failure) {
        if (ImportWorker.lostDatabase(failure)) {
            return Optional.empty();
        }
        DatabaseRefusal found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a batch statement's exception chains the statement's own one (with the server's details) as next
            for (SQLException e = t instanceof SQLException sql ? sql : null;
                    e != null;
                    e = e.getNextException() == e ? null : e.getNextException()) {
                String state = e.getSQLState();
                if (state == null || !(state.startsWith("22") || state.startsWith("23"))) {
                    continue;
                }
                if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                    ServerErrorMessage server = psql.getServerErrorMessage();
                    return Optional.of(new DatabaseRefusal(state, server.getConstraint(), server.getColumn()));
                }
                if (found == null) {
                    found = new DatabaseRefusal(state, null, null); // refused on the client's side: no details
                }
            }
        }
        return Optional.ofNullable(found);
    }
}
