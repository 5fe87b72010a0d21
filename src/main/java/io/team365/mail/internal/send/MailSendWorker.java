package io.team365.mail.internal.send;

import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.connect.MailLogin;
import io.team365.mail.internal.connect.MailSessions;
import io.team365.mail.internal.connect.RefusedMailHost;
import io.team365.tenancy.TenantTransactions;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers {@code mail_outgoing} through each account's SMTP server, then appends a copy to its Sent folder. Each
 * message is claimed across Clients ({@code FOR UPDATE SKIP LOCKED}, worker policy "mail-send") and marked
 * {@code sending} in a committed transaction before a byte goes out; the outcome is recorded afterwards. An error the
 * SMTP server reports means it did not accept the message: retried with back-off, failed after
 * {@value #MAX_ATTEMPTS} attempts (a rejected recipient fails at once). A claim that never reports back (the server
 * died mid-send) is not retried: at most once (ADR 0024).
 */
@Component
public class MailSendWorker implements DisposableBean {

    static final int MAX_ATTEMPTS = 6;
    /** Appending the Sent copy: tried this often (back-off as for sending), then given up. */
    static final int MAX_COPY_ATTEMPTS = 8;

    static final String SENT_COPY_FAILED = "mail.client.send.error.sent-copy";
    private static final Logger log = LoggerFactory.getLogger(MailSendWorker.class);

    private final OutgoingStore store;
    private final MailAccountStore accounts;
    private final MailSessions sessions;
    private final SentCopy sentCopy;
    private final TenantTransactions tenants;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration lease;
    private final Duration retryBase;
    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mail-send-wakeup");
        thread.setDaemon(true);
        return thread;
    });

    MailSendWorker(
            OutgoingStore store,
            MailAccountStore accounts,
            MailSessions sessions,
            SentCopy sentCopy,
            TenantTransactions tenants,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${team365.mail.send.lease:PT10M}") Duration lease,
            @Value("${team365.mail.send.retry-base:PT30S}") Duration retryBase) {
        this.store = store;
        this.accounts = accounts;
        this.sessions = sessions;
        this.sentCopy = sentCopy;
        this.tenants = tenants;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.lease = lease;
        this.retryBase = retryBase;
    }

    /** Sends now what was just queued, instead of at the next poll. */
    void wake() {
        try {
            wakeups.execute(this::sendDue);
        } catch (RuntimeException e) {
            log.debug("Mail sender wake-up refused (shutting down)", e);
        }
    }

    @Scheduled(
            fixedDelayString = "${team365.mail.send.poll-interval:PT5S}",
            initialDelayString = "${team365.mail.send.poll-interval:PT5S}")
    void sendDue() {
        if (!running.tryLock()) {
            return; // this server is already at it; the running loop takes what is due
        }
        try {
            for (int i = 0; i < 100; i++) {
                Optional<OutgoingStore.Claim> claim =
                        transaction.execute(status -> store.claim(clock.instant(), lease));
                if (claim == null || claim.isEmpty()) {
                    break;
                }
                deliver(claim.get());
            }
            copyDue();
        } catch (RuntimeException e) {
            log.warn("Looking for mail to send failed", e);
        } finally {
            running.unlock();
        }
    }

    private void deliver(OutgoingStore.Claim claim) {
        MailAccount account;
        MailLogin login;
        byte[] mime;
        try {
            var loaded = tenants.call(claim.tenant(), claim.authorId(), () -> {
                MailAccount found = accounts.find(claim.accountId()).orElseThrow();
                if (!found.maySendAs(claim.authorId())) {
                    return null; // the owner stopped members sending from it after this was queued (ADR 0032)
                }
                return new Object[] {found, accounts.login(found), store.mime(claim.id())};
            });
            if (loaded == null) {
                log.warn("Outgoing mail {}: its author may not send from the account any more", claim.id());
                outcome(claim, MailSending.NOT_ALLOWED, true);
                return;
            }
            account = (MailAccount) loaded[0];
            login = (MailLogin) loaded[1];
            mime = (byte[]) loaded[2];
        } catch (RuntimeException e) {
            log.warn("Outgoing mail {}: could not load its account or sign-in", claim.id(), e);
            outcome(claim, "mail.client.send.error.account", false);
            return;
        }
        MimeMessage message;
        try {
            message = new MimeMessage(sessions.offline(), new ByteArrayInputStream(mime));
            if (account.smtp() == null) {
                outcome(claim, "mail.client.send.error.account", true);
                return;
            }
            try (Transport transport = sessions.openTransport(account.smtp(), login)) {
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (SendFailedException e) {
            log.warn("Outgoing mail {}: recipients refused (attempt {})", claim.id(), claim.attempt());
            outcome(claim, "mail.client.send.error.rejected", true);
            return;
        } catch (AuthenticationFailedException e) {
            log.warn("Outgoing mail {}: sign-in refused (attempt {})", claim.id(), claim.attempt());
            outcome(claim, "mail.client.send.error.auth", false);
            return;
        } catch (MessagingException | RuntimeException e) {
            RefusedMailHost refused = refused(e);
            if (refused != null) {
                log.warn("Outgoing mail {}: the SMTP server's address is not allowed", claim.id());
                outcome(claim, refused.messageKey(), true);
                return;
            }
            log.warn("Outgoing mail {}: sending failed (attempt {}): {}", claim.id(), claim.attempt(), e.toString());
            outcome(claim, "mail.client.send.error.unreachable", false);
            return;
        }
        tenants.run(claim.tenant(), claim.authorId(), () -> store.sent(claim.id(), clock.instant()));
        appendCopy(claim, account, login, message, 1);
    }

    /**
     * Appends the copy to Sent. The SMTP server has accepted the message, so whatever happens here it is never sent
     * again: a failed append is tried again later ({@link #copyDue}) with back-off, at most {@value
     * #MAX_COPY_ATTEMPTS} times.
     */
    private void appendCopy(
            OutgoingStore.Claim claim, MailAccount account, MailLogin login, MimeMessage message, int attempt) {
        try {
            sentCopy.append(account, login, message, store.sentFolderOf(tenants, claim));
            tenants.run(claim.tenant(), claim.authorId(), () -> store.copied(claim.id()));
        } catch (MessagingException | RuntimeException e) {
            log.warn(
                    "Outgoing mail {}: sent, but the copy to Sent failed (attempt {}): {}",
                    claim.id(),
                    attempt,
                    e.toString());
            copyFailed(claim, attempt);
        }
    }

    private void copyFailed(OutgoingStore.Claim claim, int attempt) {
        tenants.run(claim.tenant(), claim.authorId(), () -> {
            if (attempt >= MAX_COPY_ATTEMPTS) {
                store.copyAbandoned(claim.id(), SENT_COPY_FAILED);
            } else {
                store.copyLater(claim.id(), SENT_COPY_FAILED, clock.instant().plus(backoff(attempt)));
            }
        });
    }

    /** Sent messages whose copy to Sent is due again: only the IMAP append, never the SMTP send. */
    private void copyDue() {
        for (int i = 0; i < 100; i++) {
            Optional<OutgoingStore.Claim> claim =
                    transaction.execute(status -> store.claimCopy(clock.instant(), lease));
            if (claim == null || claim.isEmpty()) {
                return;
            }
            OutgoingStore.Claim copy = claim.get();
            MailAccount account;
            MailLogin login;
            MimeMessage message;
            try {
                var loaded = tenants.call(copy.tenant(), copy.authorId(), () -> {
                    MailAccount found = accounts.find(copy.accountId()).orElseThrow();
                    return new Object[] {found, accounts.login(found), store.mime(copy.id())};
                });
                account = (MailAccount) loaded[0];
                login = (MailLogin) loaded[1];
                message = new MimeMessage(sessions.offline(), new ByteArrayInputStream((byte[]) loaded[2]));
            } catch (MessagingException | RuntimeException e) {
                log.warn("Outgoing mail {}: could not prepare the copy to Sent: {}", copy.id(), e.toString());
                copyFailed(copy, copy.attempt());
                continue;
            }
            appendCopy(copy, account, login, message, copy.attempt());
        }
    }

    private static RefusedMailHost refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RefusedMailHost refused) {
                return refused;
            }
        }
        return null;
    }

    private void outcome(OutgoingStore.Claim claim, String errorKey, boolean permanent) {
        tenants.run(claim.tenant(), claim.authorId(), () -> {
            if (permanent || claim.attempt() >= MAX_ATTEMPTS) {
                store.failed(claim.id(), errorKey);
            } else {
                store.retry(claim.id(), errorKey, clock.instant().plus(backoff(claim.attempt())));
            }
        });
    }

    /** retry-base, doubled per attempt, at most an hour. */
    Duration backoff(int attempt) {
        Duration delay = retryBase.multipliedBy(1L << Math.min(attempt - 1, 16));
        return delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay;
    }

    @Override
    public void destroy() {
        wakeups.shutdownNow();
    }
}
