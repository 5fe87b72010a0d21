package io.team365.mail.internal.client;

import java.util.List;
import java.util.UUID;

/** A conversation and its messages, oldest first. */
public record ThreadView(UUID id, UUID accountId, String accountEmail, String subject, List<MessageView> messages) {

    public MessageView latest() {
        return messages.getLast();
    }
}
