package io.team365.notifications;

import java.util.Objects;

/**
 * An email to send. {@code kind} says why it is sent (verify-email, reset-password, invitation, ...), for
 * operators and for rules that differ between transactional and promotional mail.
 */
public record OutboundEmail(String kind, String recipient, String subject, String textBody, String htmlBody) {

    public OutboundEmail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
    }
}
