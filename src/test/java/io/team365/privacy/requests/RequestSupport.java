package io.team365.privacy.requests;

import io.team365.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Helpers shared by the data-subject request tests. */
abstract class RequestSupport extends IntegrationTest {

    /** Waits for an email to {@code to} whose body contains {@code text}, and returns that body. */
    static String awaitMail(String to, String text) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> messagesTo(to).stream()
                                .map(IntegrationTest::body)
                                .filter(body -> body.contains(text))
                                .reduce((first, second) -> second)
                                .orElse(null),
                        found -> found != null);
    }

    static List<String> subjects(String to) {
        return messagesTo(to).stream().map(RequestSupport::subject).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of emails to {@code to} matching the predicate on their body, after the outbox had time to send. */
    static long mailCount(String to, Predicate<String> body) {
        return messagesTo(to).stream().map(IntegrationTest::body).filter(body).count();
    }

    static String json(String type, String email, String details) {
        return "{\"type\":\"%s\",\"subjectEmail\":\"%s\"%s}"
                .formatted(type, email, details == null ? "" : ",\"details\":\"" + details + "\"");
    }
}
