package io.team365.privacy.requests;

import io.team365.core.PublicUrls;
import io.team365.core.TenantId;
import io.team365.notifications.OutboundEmail;
import io.team365.notifications.Outbox;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The emails of a request's life, worded from the {@code requests.mail.*} texts and queued in the caller's
 * transaction. Mails that carry a code or a status link are redacted from the outbox once sent.
 */
@Component
class RequestMail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final PublicUrls urls;
    private final Outbox outbox;

    RequestMail(MessageSource messages, PublicUrls urls, Outbox outbox) {
        this.messages = messages;
        this.urls = urls;
        this.outbox = outbox;
    }

    String statusLink(String token) {
        return urls.link("/privacy/request/status/" + token);
    }

    void code(TenantId tenant, String to, String client, RequestType type, String code) {
        send(
                tenant,
                new OutboundEmail(
                                "privacy-request-code",
                                to,
                                text("requests.mail.code.subject", code),
                                text("requests.mail.code.body", client, type(type), code),
                                null)
                        .redactedAfterSending());
    }

    void received(TenantId tenant, String to, String client, RequestType type, Instant due, String token) {
        send(
                tenant,
                new OutboundEmail(
                                "privacy-request-received",
                                to,
                                text("requests.mail.received.subject", client),
                                text(
                                        "requests.mail.received.body",
                                        client,
                                        type(type),
                                        DAY.format(due),
                                        statusLink(token)),
                                null)
                        .redactedAfterSending());
    }

    void adminNotice(TenantId tenant, String to, String client, RequestType type, Instant due, UUID requestId) {
        send(
                tenant,
                new OutboundEmail(
                        "privacy-request-admin",
                        to,
                        text("requests.mail.admin.subject", type(type)),
                        text(
                                "requests.mail.admin.body",
                                client,
                                type(type),
                                DAY.format(due),
                                urls.link("/settings/privacy/requests/" + requestId)),
                        null));
    }

    /** Verified; {@code token} is a new status link for requests filed by the Client (null when the subject has one). */
    void verified(TenantId tenant, String to, String client, RequestType type, Instant due, String token) {
        String key = type == RequestType.ERASURE ? "requests.mail.verified.erasure" : "requests.mail.verified.body";
        String link = token == null ? text("requests.mail.earlier-link") : statusLink(token);
        OutboundEmail mail = new OutboundEmail(
                "privacy-request-verified",
                to,
                text("requests.mail.verified.subject", client),
                text(key, client, type(type), DAY.format(due), link),
                null);
        send(tenant, token == null ? mail : mail.redactedAfterSending());
    }

    void extended(TenantId tenant, String to, String client, RequestType type, Instant due, String reason) {
        send(
                tenant,
                new OutboundEmail(
                        "privacy-request-extended",
                        to,
                        text("requests.mail.extended.subject", client),
                        text("requests.mail.extended.body", client, type(type), DAY.format(due), reason),
                        null));
    }

    void refused(TenantId tenant, String to, String client, RequestType type, String reason) {
        send(
                tenant,
                new OutboundEmail(
                        "privacy-request-refused",
                        to,
                        text("requests.mail.refused.subject", client),
                        text("requests.mail.refused.body", client, type(type), reason),
                        null));
    }

    /** Never for an erasure: by then the subject's address is gone from everywhere, the outbox included. */
    void completed(TenantId tenant, String to, String client, RequestType type) {
        String key = type.producesPackage() ? "requests.mail.completed.package" : "requests.mail.completed.body";
        send(
                tenant,
                new OutboundEmail(
                        "privacy-request-completed",
                        to,
                        text("requests.mail.completed.subject", client),
                        text(key, client, type(type)),
                        null));
    }

    private void send(TenantId tenant, OutboundEmail mail) {
        outbox.enqueue(tenant, mail);
    }

    private String type(RequestType type) {
        return text("requests.type." + type.value());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
