package io.team365.mail.internal.send;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.client.MailThreads;
import io.team365.mail.internal.client.MessageView;
import io.team365.mail.internal.connect.MailSessions;
import io.team365.mail.internal.mime.MailAddress;
import io.team365.mail.internal.sync.MessagesStored;
import io.team365.tenancy.TenantContext;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a message written by a user: checks it (nothing is queued when anything is wrong), builds the MIME message,
 * and in the user's transaction queues it in {@code mail_outgoing} and stores it as an outbound message of the
 * answered thread (or a new one), so the user sees it at once. {@link MailSendWorker} delivers it after the commit.
 */
@Service
public class MailSending {

    /** What was queued. */
    public record Queued(UUID outgoingId, UUID messageId, UUID threadId, String status) {}

    /** The member may read the shared mailbox but not send from it. */
    public static final String NOT_ALLOWED = "mail.accounts.hardening.send.not-allowed";

    static final Set<String> MODES = Set.of("new", "reply", "reply_all", "forward");
    static final long MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;

    private final MailAccountStore accounts;
    private final MailThreads threads;
    private final MailSessions sessions;
    private final MailUploads uploads;
    private final OutgoingStore outgoing;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MailSendWorker sender;
    private final Clock clock;

    MailSending(
            MailAccountStore accounts,
            MailThreads threads,
            MailSessions sessions,
            MailUploads uploads,
            OutgoingStore outgoing,
            AuditTrail audit,
            ApplicationEventPublisher events,
            MailSendWorker sender,
            Clock clock) {
        this.accounts = accounts;
        this.threads = threads;
        this.sessions = sessions;
        this.uploads = uploads;
        this.outgoing = outgoing;
        this.audit = audit;
        this.events = events;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * Whether the user may send from the account: their own, or one shared with the team whose owner allowed
     * members to send from it. The compose form offers only these; {@link #send} and the worker check again.
     */
    @Transactional(readOnly = true)
    public boolean maySendFrom(UUID user, UUID accountId) {
        return accounts.find(accountId)
                .filter(a -> !"disconnected".equals(a.status()))
                .map(a -> a.maySendAs(user))
                .orElse(false);
    }

    @Transactional
    public Queued send(UUID user, Composition mail, AuditTrail.Actor actor) {
        TenantId tenant = TenantContext.requireTenant();
        Validation check = Validation.start();
        if (!MODES.contains(mail.mode())) {
            throw InvalidInput.of("mode", "mail.client.mode.unknown");
        }
        MessageView answered = null;
        if (mail.answersId() != null) {
            answered = threads.message(user, mail.answersId())
                    .orElseThrow(() -> InvalidInput.of("inReplyTo", "mail.client.answers.unknown"));
        } else if (!mail.mode().equals("new")) {
            throw InvalidInput.of("inReplyTo", "validation.required");
        }
        UUID accountId = mail.accountId() != null ? mail.accountId() : answered == null ? null : answered.accountId();
        MailAccount account = accountId == null
                ? null
                : accounts.find(accountId)
                        .filter(a -> a.ownerId().equals(user) || a.sharing() == MailAccount.Sharing.TEAM)
                        .orElse(null);
        if (account == null) {
            throw InvalidInput.of(
                    "accountId", accountId == null ? "validation.required" : "mail.client.account.unknown");
        }
        if (!account.maySendAs(user)) {
            // a mailbox shared with the team is read by all, sent from by its owner only unless allowed (ADR 0032)
            throw InvalidInput.of("accountId", NOT_ALLOWED);
        }
        if (account.smtp() == null && account.provider() == MailAccount.Provider.IMAP) {
            throw InvalidInput.of("accountId", "mail.client.account.no-smtp");
        }
        List<String> typedTo = new ArrayList<>(mail.to());
        List<String> typedCc = new ArrayList<>(mail.cc());
        if (answered != null
                && typedTo.isEmpty()
                && typedCc.isEmpty()
                && !mail.mode().equals("forward")) {
            Replies.Recipients derived =
                    Replies.recipients(answered, account.email(), mail.mode().equals("reply_all"));
            typedTo.addAll(derived.to());
            typedCc.addAll(derived.cc());
        }
        List<InternetAddress> to = Recipients.parse("to", typedTo, check);
        List<InternetAddress> cc = Recipients.parse("cc", typedCc, check);
        List<InternetAddress> bcc = Recipients.parse("bcc", mail.bcc(), check);
        if (!check.hasErrors() && to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            check.reject("to", "mail.client.recipient.required");
        }
        String subject = mail.subject() == null || mail.subject().isBlank()
                ? answered == null
                        ? ""
                        : mail.mode().equals("forward")
                                ? Quoting.forwardSubject(answered.subject())
                                : Quoting.replySubject(answered.subject())
                : mail.subject().strip();
        if (subject.length() > 998 || subject.chars().anyMatch(c -> c < 0x20)) {
            check.reject("subject", "validation.too-long", 998);
        }
        long total = 0;
        for (Composition.Upload upload : mail.uploads()) {
            total += upload.bytes().length;
            if (upload.fileName() == null
                    || upload.fileName().isBlank()
                    || upload.fileName().length() > 255) {
                check.reject("attachments", "mail.client.attachment.name");
            }
        }
        if (total > MAX_ATTACHMENT_BYTES) {
            check.reject("attachments", "mail.client.attachment.too-large", MAX_ATTACHMENT_BYTES / (1024 * 1024));
        }
        check.throwIfInvalid();

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String html =
                Quoting.cleanHtml(mail.html() == null || mail.html().isBlank() ? textToHtml(mail.text()) : mail.html());
        if (mail.signature()
                && account.signatureHtml() != null
                && !account.signatureHtml().isBlank()) {
            html += "<div class=\"signature\">-- <br>" + Quoting.cleanHtml(account.signatureHtml()) + "</div>";
        }
        if (answered != null && mail.quoteOriginal()) {
            html += mail.mode().equals("forward")
                    ? Quoting.forwarded(
                            answered,
                            String.valueOf(answered.sentAt() == null ? answered.receivedAt() : answered.sentAt()))
                    : Quoting.quoted(
                            answered,
                            "On " + (answered.sentAt() == null ? answered.receivedAt() : answered.sentAt()) + ", "
                                    + answered.fromLabel() + " wrote:");
        }
        String text = Quoting.text(html);

        List<OutgoingStore.File> files = new ArrayList<>();
        List<MimeComposer.Part> parts = new ArrayList<>();
        for (Composition.Upload upload : mail.uploads()) {
            MailUploads.Stored stored = uploads.store(tenant, upload.bytes());
            String type = contentType(upload.contentType());
            files.add(new OutgoingStore.File(upload.fileName().strip(), type, stored));
            parts.add(new MimeComposer.Part(upload.fileName().strip(), type, upload.bytes()));
        }
        if (answered != null && mail.mode().equals("forward")) {
            for (MessageView.AttachmentView original : answered.attachments()) {
                byte[] bytes = uploads.read(original.storageKey());
                files.add(new OutgoingStore.File(
                        original.fileName(),
                        original.contentType(),
                        new MailUploads.Stored(original.sha256(), original.storageKey(), original.size())));
                parts.add(new MimeComposer.Part(original.fileName(), original.contentType(), bytes));
            }
        }

        String domain = account.email().substring(account.email().indexOf('@') + 1);
        String messageId = UUID.randomUUID() + "@" + domain;
        String inReplyTo = null;
        List<String> references = new ArrayList<>();
        if (answered != null && !mail.mode().equals("forward")) {
            inReplyTo = answered.messageId();
            references.addAll(answered.references());
            if (answered.inReplyTo() != null && !references.contains(answered.inReplyTo())) {
                references.add(answered.inReplyTo());
            }
            references.add(answered.messageId());
            if (references.size() > MimeComposer.MAX_REFERENCES) {
                List<String> kept = new ArrayList<>();
                kept.add(references.getFirst());
                kept.addAll(references.subList(references.size() - MimeComposer.MAX_REFERENCES + 1, references.size()));
                references = kept;
            }
        }
        InternetAddress from;
        try {
            from = new InternetAddress(account.email(), account.displayName(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        byte[] mime = MimeComposer.build(
                sessions.offline(),
                new MimeComposer.Outgoing(
                        messageId, from, to, cc, bcc, subject, text, html, inReplyTo, references, parts, now));

        UUID threadId = answered != null ? answered.threadId() : outgoing.newThread(tenant, account.id(), subject, now);
        UUID messageRow = outgoing.storeMessage(new OutgoingStore.Stored(
                tenant,
                account,
                threadId,
                messageId,
                inReplyTo,
                references,
                subject,
                new MailAddress(account.displayName(), account.email()),
                addresses(to),
                addresses(cc),
                addresses(bcc),
                text,
                html,
                mime.length,
                files,
                now));
        if (answered != null && !mail.mode().equals("forward")) {
            outgoing.markAnswered(answered.id());
        }
        UUID outgoingId = outgoing.queue(tenant, account.id(), user, mime, messageId, now);
        if (mail.draftId() != null) {
            outgoing.deleteDraft(user, mail.draftId());
        }
        events.publishEvent(new MessagesStored(tenant, account.id(), List.of(messageRow)));
        audit.record(
                tenant,
                actor,
                "mail.message.queued",
                "mail_message",
                messageRow.toString(),
                Map.of("mode", mail.mode(), "attachments", files.size(), "outgoingId", outgoingId.toString()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.wake();
                }
            });
        }
        return new Queued(outgoingId, messageRow, threadId, "queued");
    }

    private static List<MailAddress> addresses(List<InternetAddress> addresses) {
        return addresses.stream()
                .map(a -> new MailAddress(a.getPersonal(), a.getAddress().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static String contentType(String given) {
        if (given == null || given.isBlank() || given.length() > 255) {
            return "application/octet-stream";
        }
        try {
            return org.springframework.http.MediaType.parseMediaType(given).toString();
        } catch (RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static String textToHtml(String text) {
        if (text == null) {
            return "";
        }
        return "<p>" + org.jsoup.nodes.Entities.escape(text).replace("\n", "<br>") + "</p>";
    }
}
