package io.team365.mail.internal.connect;

/** Where an account's IMAP or SMTP server is and how the connection is secured. */
public record MailServer(String host, int port, Security security) {

    public enum Security {
        /** TLS from the first byte (IMAPS 993, SMTPS 465). */
        SSL,
        /** Plain connection upgraded with STARTTLS, which must succeed. */
        STARTTLS,
        /** No encryption: only for servers on a trusted network (and the tests' GreenMail). */
        NONE
    }

    public MailServer {
        if (host == null || host.isBlank() || port < 1 || port > 65535 || security == null) {
            throw new IllegalArgumentException("a mail server needs a host, a port and a security mode");
        }
    }
}
