package io.team365.notifications.internal;

import io.team365.tenancy.DatabaseLookups;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued email. Each message is claimed with {@code FOR UPDATE SKIP LOCKED}, so several server nodes
 * share the work without sending one message twice; a failure is retried with exponential backoff and the message
 * is marked failed after {@value #MAX_ATTEMPTS} attempts.
 */
@Component
class OutboxSender {

    static final int MAX_ATTEMPTS = 10;
    static final String REDACTED = "[removed after sending: it contained a one-time link]";
    static final Duration SENT_MAIL_RETENTION = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MailTransport transport;

    OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactions, MailTransport transport) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transport = transport;
    }

    @Scheduled(fixedDelayString = "${team365.notifications.poll-interval:1s}")
    void sendDue() {
        int sent = 0;
        while (sent < 100 && Boolean.TRUE.equals(transaction.execute(status -> sendOne()))) {
            sent++;
        }
    }

    private boolean sendOne() {
        DatabaseLookups.asWorker(jdbc, "outbox");
        Optional<QueuedEmail> next = jdbc.sql("""
                        select tenant_id, id, recipient, subject, body_text, body_html, attempts
                        from outbound_emails
                        where status = 'pending' and next_attempt_at <= now()
                        order by next_attempt_at
                        limit 1
                        for update skip locked
                        """)
                .query((rs, n) -> new QueuedEmail(
                        rs.getObject("tenant_id", UUID.class),
                        rs.getObject("id", UUID.class),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body_text"),
                        rs.getString("body_html"),
                        rs.getInt("attempts")))
                .optional();
        if (next.isEmpty()) {
            return false;
        }
        QueuedEmail email = next.get();
        try {
            transport.send(email);
            markSent(email);
        } catch (RuntimeException e) {
            scheduleRetry(email, e);
        }
        return true;
    }

    private void markSent(QueuedEmail email) {
        jdbc.sql("""
                        update outbound_emails
                        set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null,
                            body_text = case when redact_after_send then :redacted else body_text end,
                            body_html = case when redact_after_send then null else body_html end
                        where tenant_id = :tenant and id = :id
                        """)
                .param("redacted", REDACTED)
                .param("tenant", email.tenantId())
                .param("id", email.id())
                .update();
    }

    private void scheduleRetry(QueuedEmail email, RuntimeException error) {
        int attempts = email.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        Duration backoff = backoff(attempts);
        log.warn("Sending email {} failed (attempt {}): {}", email.id(), attempts, error.getMessage());
        jdbc.sql("""
                        update outbound_emails
                        set attempts = :attempts, status = :status, last_error = :error,
                            next_attempt_at = now() + make_interval(secs => :delay)
                        where tenant_id = :tenant and id = :id
                        """)
                .param("attempts", attempts)
                .param("status", giveUp ? "failed" : "pending")
                .param("error", String.valueOf(error.getMessage()))
                .param("delay", (double) backoff.toSeconds())
                .param("tenant", email.tenantId())
                .param("id", email.id())
                .update();
    }

    /**
     * Sent platform mail (password resets: the all-zero tenant) is kept 30 days, for support questions, then
     * deleted. A Client's sent mail follows its retention rule instead ({@link SentMailRetention}).
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    void purgeOldSentMail() {
        transaction.executeWithoutResult(status -> {
            DatabaseLookups.asWorker(jdbc, "outbox");
            jdbc.sql("delete from outbound_emails where status = 'sent'"
                            + " and tenant_id = '00000000-0000-0000-0000-000000000000'"
                            + " and sent_at < now() - make_interval(secs => :seconds)")
                    .param("seconds", (double) SENT_MAIL_RETENTION.toSeconds())
                    .update();
        });
    }

    /** 10 s, 20 s, 40 s ... capped at one hour. */
    static Duration backoff(int attempts) {
        long seconds = 10L << Math.min(attempts - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }
}
