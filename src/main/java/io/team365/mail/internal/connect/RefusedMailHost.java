package io.team365.mail.internal.connect;

import java.io.IOException;

/**
 * A mail server's host name resolves to an address Team365 does not connect to on a member's say-so: the server's
 * own network (loopback, private, link-local) or an address no mail server has (unspecified, multicast, a cloud
 * metadata service). {@code messageKey} says which, in words a user can act on. Never carries the address.
 */
public class RefusedMailHost extends IOException {

    /** Private, loopback or link-local: allowed when the deployment sets {@code team365.mail.allow-private-hosts}. */
    public static final String PRIVATE = "mail.accounts.hardening.error.private-host";

    /** Unspecified, multicast, broadcast or a cloud metadata service: never allowed. */
    public static final String RESERVED = "mail.accounts.hardening.error.reserved-host";

    private final String messageKey;

    public RefusedMailHost(String messageKey) {
        super("mail server address refused: " + messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
