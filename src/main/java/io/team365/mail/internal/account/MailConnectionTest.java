package io.team365.mail.internal.account;

import io.team365.mail.internal.connect.MailLogin;
import io.team365.mail.internal.connect.MailServer;
import io.team365.mail.internal.connect.MailSessions;
import io.team365.mail.internal.connect.RefusedMailHost;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.springframework.stereotype.Component;

/**
 * Signs in to a mailbox's IMAP and SMTP servers before it is saved (and on "Test connection"), and says in the
 * user's words what went wrong: the password, TLS, the host, STARTTLS or the OAuth consent.
 */
@Component
public class MailConnectionTest {

    public static final String AUTH_FAILED = "mail.accounts.error.auth-failed";
    public static final String TLS_FAILED = "mail.accounts.error.tls-failed";
    public static final String STARTTLS_MISSING = "mail.accounts.error.starttls-missing";
    public static final String UNKNOWN_HOST = "mail.accounts.error.unknown-host";
    public static final String UNREACHABLE = "mail.accounts.error.unreachable";
    public static final String TIMEOUT = "mail.accounts.error.timeout";
    public static final String OAUTH_REVOKED = "mail.accounts.error.oauth-revoked";
    public static final String OAUTH_CONSENT = "mail.accounts.error.oauth-consent";
    public static final String FAILED = "mail.accounts.error.failed";

    private final MailSessions sessions;
    private final MailFolderDiscovery folders;

    MailConnectionTest(MailSessions sessions, MailFolderDiscovery folders) {
        this.sessions = sessions;
        this.folders = folders;
    }

    /**
     * Signs in to both servers; returns the IMAP server's folders (read while signed in anyway).
     *
     * @throws MailConnectionFailed naming the server and the reason
     */
    public List<MailFolderDiscovery.ServerFolder> run(MailServer imap, MailServer smtp, MailLogin login) {
        List<MailFolderDiscovery.ServerFolder> found;
        try (Store store = sessions.openStore(imap, login)) {
            found = folders.list(store);
        } catch (MessagingException | RuntimeException e) {
            throw failure("imap", e, login);
        }
        try (Transport transport = sessions.openTransport(smtp, login)) {
            // signed in: nothing to send
        } catch (MessagingException | RuntimeException e) {
            throw failure("smtp", e, login);
        }
        return found;
    }

    /** The reason for a failed connection, as a message key. */
    public static MailConnectionFailed failure(String server, Exception e, MailLogin login) {
        return new MailConnectionFailed(server, reason(e, login), e);
    }

    static String reason(Throwable e, MailLogin login) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof RefusedMailHost refused) {
                return refused.messageKey();
            }
            if (c instanceof AuthenticationFailedException) {
                return login.oauth() ? OAUTH_CONSENT : AUTH_FAILED;
            }
            if (c instanceof UnknownHostException) {
                return UNKNOWN_HOST;
            }
            if (c instanceof SocketTimeoutException) {
                return TIMEOUT;
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                return UNREACHABLE;
            }
            if (c instanceof SSLException || c instanceof CertificateException) {
                return TLS_FAILED;
            }
            String message = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("starttls")) {
                return STARTTLS_MISSING;
            }
            if (message.contains("authenticat") || message.contains("login failed") || message.contains("535")) {
                return login.oauth() ? OAUTH_CONSENT : AUTH_FAILED;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return FAILED;
    }
}
