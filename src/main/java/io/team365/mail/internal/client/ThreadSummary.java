package io.team365.mail.internal.client;

import java.time.Instant;
import java.util.UUID;

/** A line of the inbox: a conversation with its latest message's sender and snippet. */
public record ThreadSummary(
        UUID id,
        UUID accountId,
        String accountEmail,
        String subject,
        Instant lastMessageAt,
        int messageCount,
        int unreadCount,
        String fromName,
        String fromAddress,
        String snippet) {

    public boolean unread() {
        return unreadCount > 0;
    }

    /** Who the list shows: the sender's name, else the address. */
    public String from() {
        return fromName != null && !fromName.isBlank() ? fromName : fromAddress == null ? "" : fromAddress;
    }
}
