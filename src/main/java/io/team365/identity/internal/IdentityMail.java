package io.team365.identity.internal;

import io.team365.core.PublicUrls;
import io.team365.notifications.OutboundEmail;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The transactional emails of sign-up and sign-in, worded from the message bundle. */
@Component
class IdentityMail {

    private final MessageSource messages;
    private final PublicUrls urls;

    IdentityMail(MessageSource messages, PublicUrls urls) {
        this.messages = messages;
        this.urls = urls;
    }

    OutboundEmail verification(String to, String name, String token) {
        String link = urls.link("/verify-email?token=" + token);
        return new OutboundEmail(
                        "verify-email", to, text("mail.verify.subject"), text("mail.verify.body", name, link), null)
                .redactedAfterSending();
    }

    OutboundEmail passwordReset(String to, String name, String token) {
        String link = urls.link("/reset-password?token=" + token);
        return new OutboundEmail(
                        "reset-password", to, text("mail.reset.subject"), text("mail.reset.body", name, link), null)
                .redactedAfterSending();
    }

    OutboundEmail invitation(String to, String inviter, String client, String token) {
        String link = urls.link("/invitations/accept?token=" + token);
        return new OutboundEmail(
                        "invitation",
                        to,
                        text("mail.invitation.subject", inviter, client),
                        text("mail.invitation.body", inviter, client, link),
                        null)
                .redactedAfterSending();
    }

    OutboundEmail passwordChanged(String to, String name) {
        return new OutboundEmail(
                "password-changed",
                to,
                text("mail.password-changed.subject"),
                text("mail.password-changed.body", name, urls.link("/forgot-password")),
                null);
    }

    OutboundEmail accountClosed(String to, String name) {
        return new OutboundEmail(
                "account-closed",
                to,
                text("account.close.mail.subject"),
                text("account.close.mail.body", name, urls.link("/signup")),
                null);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
