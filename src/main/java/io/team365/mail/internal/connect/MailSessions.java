package io.team365.mail.internal.connect;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens connections to an account's servers with Jakarta Mail: IMAP for reading, SMTP for sending. Every socket has
 * timeouts, so a server that stops answering fails a sync instead of hanging it; STARTTLS is required, never
 * optional, when the account asks for it; XOAUTH2 is used for OAuth accounts.
 */
@Component
public class MailSessions {

    private final Duration timeout;
    private final MailHostPolicy hosts;

    MailSessions(@Value("${team365.mail.socket-timeout:PT30S}") Duration timeout, MailHostPolicy hosts) {
        this.timeout = timeout;
        this.hosts = hosts;
    }

    /**
     * A connected IMAP store; the caller closes it.
     *
     * @throws MessagingException caused by {@link RefusedMailHost} when the host's address is not allowed (ADR 0032)
     */
    public Store openStore(MailServer server, MailLogin login) throws MessagingException {
        String protocol = server.security() == MailServer.Security.SSL ? "imaps" : "imap";
        Session session = Session.getInstance(properties(protocol, server, login));
        Store store = session.getStore(protocol);
        store.connect(server.host(), server.port(), login.username(), login.secret());
        return store;
    }

    /** A connected SMTP transport; the caller closes it. */
    public Transport openTransport(MailServer server, MailLogin login) throws MessagingException {
        String protocol = server.security() == MailServer.Security.SSL ? "smtps" : "smtp";
        Properties properties = properties(protocol, server, login);
        properties.put("mail." + protocol + ".auth", "true");
        Session session = Session.getInstance(properties);
        Transport transport = session.getTransport(protocol);
        transport.connect(server.host(), server.port(), login.username(), login.secret());
        return transport;
    }

    private java.net.InetAddress checked(String host) throws MessagingException {
        try {
            return hosts.resolve(host);
        } catch (java.io.IOException e) {
            throw new MessagingException("mail server address: " + e.getClass().getSimpleName(), e);
        }
    }

    /** A session for building messages (no connection). */
    public Session offline() {
        return Session.getInstance(new Properties());
    }

    private Properties properties(String protocol, MailServer server, MailLogin login) throws MessagingException {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        // resolved and checked once, then every socket of this session goes to that address (DNS rebinding);
        // TLS is layered on top with the host name, so SNI and the certificate check use the name
        PinnedSocketFactory pinned = new PinnedSocketFactory(checked(server.host()));
        properties.put(prefix + "socketFactory", pinned);
        properties.put(prefix + "ssl.socketFactory", pinned);
        properties.put(prefix + "socketFactory.fallback", "false");
        String millis = Long.toString(timeout.toMillis());
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        // large parts in 1 MiB chunks instead of Jakarta's 16 KiB: far fewer round trips for big attachments
        properties.put(prefix + "fetchsize", "1048576");
        if (server.security() == MailServer.Security.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (server.security() != MailServer.Security.NONE) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        if (login.oauth()) {
            properties.put(prefix + "auth.mechanisms", "XOAUTH2");
        }
        return properties;
    }
}
