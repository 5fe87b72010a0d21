package io.team365.notifications;

import java.util.Objects;

/**
 * An email to send. {@code kind} says why it is sent (verify-email, reset-password, invitation, ...), for
 * operators and for rules that differ between transactional and promotional mail.
 */
public record OutboundEmail(
        String kind, String recipient, String subject, String textBody, String htmlBody, boolean redactAfterSending) {

    public OutboundEmail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
    }

    public OutboundEmail(String kind, String recipient, String subject, String textBody, String htmlBody) {
        this(kind, recipient, subject, textBody, htmlBody, false);
    }

    /** For mail carrying a secret (a one-time link): its body is erased from the outbox once it is sent. */
    public OutboundEmail redactedAfterSending() {
        return new OutboundEmail(kind, recipient, subject, textBody, htmlBody, true);
    }
}
