package io.team365.mail.internal.sync;

import io.team365.mail.internal.account.MailConnectionFailed;
import io.team365.mail.internal.account.MailConnectionTest;
import jakarta.mail.AuthenticationFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Why a sync failed, as the account shows it: a status and a message key (never the server's own text, which can
 * echo a user name or personal data).
 */
record SyncFailure(String status, String messageKey) {

    static final SyncFailure AUTH = new SyncFailure("auth_failed", "mail.sync.error.auth");
    static final SyncFailure UNREACHABLE = new SyncFailure("error", "mail.sync.error.unreachable");
    static final SyncFailure TIMEOUT = new SyncFailure("error", "mail.sync.error.timeout");
    static final SyncFailure TLS = new SyncFailure("error", "mail.sync.error.tls");
    static final SyncFailure CONNECTION_LOST = new SyncFailure("error", "mail.sync.error.connection");
    static final SyncFailure UNEXPECTED = new SyncFailure("error", "mail.sync.error.unexpected");

    /** The most telling cause anywhere in the chain: authentication, timeout, TLS, unreachable, then any I/O. */
    static SyncFailure of(Throwable failure) {
        boolean timeout = false, tls = false, unreachable = false, io = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return AUTH;
            }
            if (t instanceof io.team365.mail.internal.connect.RefusedMailHost refused) {
                // the host now resolves to an address the server must not connect to (ADR 0032)
                return new SyncFailure("error", refused.messageKey());
            }
            if (t instanceof MailConnectionFailed failed && "oauth".equals(failed.server())) {
                // the provider refused the refresh token: the accounts part already marked the account, so keep
                // its words and stop retrying until the user signs in again
                boolean refused = MailConnectionTest.OAUTH_REVOKED.equals(failed.messageKey())
                        || MailConnectionTest.OAUTH_CONSENT.equals(failed.messageKey());
                return new SyncFailure(refused ? "auth_failed" : "error", failed.messageKey());
            }
            timeout |= t instanceof SocketTimeoutException;
            tls |= t instanceof SSLException;
            unreachable |= t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException;
            io |= t instanceof jakarta.mail.MessagingException || t instanceof java.io.IOException;
        }
        if (timeout) {
            return TIMEOUT;
        }
        if (tls) {
            return TLS;
        }
        if (unreachable) {
            return UNREACHABLE;
        }
        return io ? CONNECTION_LOST : UNEXPECTED;
    }

    /**
     * Whether the database went away (not the mail server): then the batch rolled back, and the account is resumed
     * from its last committed batch once the lease runs out, without counting a failure against the mailbox.
     */
    static boolean lostDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
