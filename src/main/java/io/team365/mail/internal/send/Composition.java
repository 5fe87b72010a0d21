package io.team365.mail.internal.send;

import java.util.List;
import java.util.UUID;

/**
 * What a user asks to send: from which account, to whom, what; for replies and forwards the message answered
 * ({@code answersId}, a {@code mail_messages} id). Recipients are as typed, checked by {@link Recipients}.
 *
 * @param mode new, reply, reply_all or forward
 * @param quoteOriginal whether to append the answered message quoted (the web form already shows it in the body)
 * @param signature whether to add the account's signature below the text
 * @param draftId the draft this was written in, deleted once the message is queued
 */
public record Composition(
        UUID accountId,
        String mode,
        UUID answersId,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        String html,
        String text,
        List<Upload> uploads,
        boolean quoteOriginal,
        boolean signature,
        UUID draftId) {

    /** A file the user attached. */
    public record Upload(String fileName, String contentType, byte[] bytes) {}

    public Composition {
        to = to == null ? List.of() : to;
        cc = cc == null ? List.of() : cc;
        bcc = bcc == null ? List.of() : bcc;
        uploads = uploads == null ? List.of() : uploads;
        mode = mode == null || mode.isBlank() ? (answersId == null ? "new" : "reply") : mode;
    }
}
