package io.team365.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.notifications.OutboundEmail;
import io.team365.notifications.Outbox;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.DatabaseLookups;
import io.team365.tenancy.TenantContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Outgoing mail survives an SMTP outage and is never sent twice, however many senders run. */
class OutboxTests extends IntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anSmtpOutageDelaysMailButLosesNothing() {
        String recipient = uniqueEmail("outage");
        MAIL.stop();
        try {
            enqueue(recipient, "During the outage");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> row(recipient).get("attempts") instanceof Integer n && n >= 1);
            Map<String, Object> failed = row(recipient);
            assertThat(failed.get("status")).isEqualTo("pending");
            assertThat((String) failed.get("last_error")).isNotBlank();
            assertThat(messagesTo(recipient)).isEmpty();
        } finally {
            MAIL.start();
        }
        // the backoff has not passed yet; pretend it has
        asOutboxWorker(() -> jdbc.sql("update outbound_emails set next_attempt_at = now() where recipient = ?")
                .param(recipient)
                .update());
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo(recipient).size() == 1);
        assertThat(row(recipient).get("status")).isEqualTo("sent");
        assertThat(body(messagesTo(recipient).getFirst())).contains("During the outage");
    }

    @Test
    void concurrentSendersDeliverEachMessageExactlyOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            recipients.add(uniqueEmail("once" + i));
        }
        TenantId platform = TenantId.PLATFORM;
        TenantContext.runAs(
                platform,
                null,
                () -> new TransactionTemplate(transactions)
                        .executeWithoutResult(status -> recipients.forEach(to ->
                                outbox.enqueue(platform, new OutboundEmail("test", to, "Once", "Only once", null)))));
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Callable<Void>> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                senders.add(() -> {
                    sender.sendDue();
                    return null;
                });
            }
            pool.invokeAll(senders);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> recipients.stream().allMatch(to -> !messagesTo(to).isEmpty()));
        Thread.sleep(500); // let any duplicate arrive before counting
        for (String to : recipients) {
            assertThat(messagesTo(to)).as("messages to " + to).hasSize(1);
        }
    }

    @Test
    void mailIsQueuedOnlyIfItsTransactionCommits() {
        String recipient = uniqueEmail("rollback");
        TenantContext.runAs(
                TenantId.PLATFORM,
                null,
                () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    outbox.enqueue(
                            TenantId.PLATFORM, new OutboundEmail("test", recipient, "Never", "Rolled back", null));
                    status.setRollbackOnly();
                }));
        assertThat(asOutboxWorker(() -> jdbc.sql("select count(*) from outbound_emails where recipient = ?")
                        .param(recipient)
                        .query(Integer.class)
                        .single()))
                .isZero();
    }

    @Test
    void oneTimeLinksAreErasedFromTheOutboxOnceSent() {
        String email = uniqueEmail("redact");
        var response = client().postJson(
                        "/api/v1/signup",
                        "{\"company\":\"Redact Co\",\"name\":\"Rae\",\"email\":\"%s\",\"password\":\"winter orchard flute 3\"}"
                                .formatted(email));
        assertThat(response.statusCode()).isEqualTo(201);
        String link = awaitLink(email, "/verify-email?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> "sent".equals(row(email).get("status")));
        String stored = asOutboxWorker(() -> jdbc.sql("select body_text from outbound_emails where recipient = ?")
                .param(email)
                .query(String.class)
                .single());
        assertThat(stored).doesNotContain(token).isEqualTo(OutboxSender.REDACTED);
    }

    @Test
    void backoffDoublesUpToAnHour() {
        assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(OutboxSender.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(OutboxSender.backoff(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(OutboxSender.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    private void enqueue(String recipient, String text) {
        TenantContext.runAs(
                TenantId.PLATFORM,
                null,
                () -> new TransactionTemplate(transactions)
                        .executeWithoutResult(status -> outbox.enqueue(
                                TenantId.PLATFORM, new OutboundEmail("test", recipient, "Outage", text, null))));
    }

    private Map<String, Object> row(String recipient) {
        return asOutboxWorker(
                () -> jdbc.sql("select status, attempts, last_error from outbound_emails where recipient = ?")
                        .param(recipient)
                        .query()
                        .singleRow());
    }

    private <T> T asOutboxWorker(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            DatabaseLookups.asWorker(jdbc, "outbox");
            return work.get();
        });
    }
}
