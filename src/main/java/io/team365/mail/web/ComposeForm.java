package io.team365.mail.web;

import java.util.UUID;

/**
 * The compose form as posted and shown again: recipients as typed (comma-separated), the text written, whether to
 * add the signature, and the draft it is saved in (id and version).
 */
public record ComposeForm(
        UUID draftId,
        int version,
        UUID accountId,
        String mode,
        UUID answersId,
        String to,
        String cc,
        String bcc,
        String subject,
        String body,
        boolean signature) {

    public String draftIdValue() {
        return draftId == null ? "" : draftId.toString();
    }

    public String answersIdValue() {
        return answersId == null ? "" : answersId.toString();
    }

    public boolean selected(UUID account) {
        return account.equals(accountId);
    }
}
