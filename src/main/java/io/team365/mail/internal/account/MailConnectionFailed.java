package io.team365.mail.internal.account;

/**
 * A mailbox could not be reached or signed in to. {@code messageKey} says why in words a user can act on
 * ({@code mail.accounts.error.*}); {@code server} is "imap", "smtp" or "oauth". The server's own text is never kept:
 * it may echo the password or the address.
 */
public class MailConnectionFailed extends RuntimeException {

    private final String server;
    private final String messageKey;

    public MailConnectionFailed(String server, String messageKey, Throwable cause) {
        super(server + ": " + messageKey, cause);
        this.server = server;
        this.messageKey = messageKey;
    }

    public String server() {
        return server;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The input field the failure is about, as the API names it. */
    public String field() {
        return switch (messageKey) {
            case MailConnectionTest.AUTH_FAILED -> "password";
            case MailConnectionTest.TLS_FAILED, MailConnectionTest.STARTTLS_MISSING -> server + ".security";
            case MailConnectionTest.OAUTH_REVOKED, MailConnectionTest.OAUTH_CONSENT -> "provider";
            default -> "oauth".equals(server) ? "provider" : server + ".host";
        };
    }
}
