package io.team365.mail.internal.client;

import java.util.UUID;

/** A mailbox the user may read and send from, as the compose form offers it. */
public record SendingAccount(UUID id, String email, String displayName, String signatureHtml) {

    public String label() {
        return displayName == null || displayName.isBlank() ? email : displayName + " <" + email + ">";
    }
}
