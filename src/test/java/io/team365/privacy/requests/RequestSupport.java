package io.team365.privacy.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** Helpers shared by the data-subject request tests. */
abstract class RequestSupport extends IntegrationTest {

    static final Pattern REQUEST_ID = Pattern.compile("name=\"requestId\" value=\"([0-9a-f-]{36})\"");
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    static final Pattern STATUS = Pattern.compile("/privacy/request/status/([A-Za-z0-9_-]{64})");

    record Filed(Browserless visitor, String requestId, String code) {}

    Filed file(UUID client, String type, String email) {
        Browserless visitor = client();
        // a second filing for the same address: wait for its own code, not the one already in the inbox
        long codesBefore = messagesTo(email).stream()
                .map(IntegrationTest::body)
                .filter(body -> body.contains("enter this code"))
                .count();
        HttpResponse<String> form = visitor.get("/privacy/request/" + client);
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> posted = visitor.postForm(
                "/privacy/request/" + client, Map.of("type", type, "email", email, "details", "Please, thank you"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        Matcher id = REQUEST_ID.matcher(posted.body());
        assertThat(id.find()).as("the confirmation form names the request").isTrue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> messagesTo(email).stream()
                                .map(IntegrationTest::body)
                                .filter(body -> body.contains("enter this code"))
                                .count()
                        > codesBefore);
        String mail = awaitMail(email, "enter this code");
        Matcher code = CODE.matcher(mail.substring(mail.indexOf("enter this code")));
        assertThat(code.find()).isTrue();
        return new Filed(visitor, id.group(1), code.group(1));
    }

    HttpResponse<String> confirm(Browserless visitor, UUID client, String requestId, String code) {
        return visitor.postForm(
                "/privacy/request/" + client + "/confirm", Map.of("requestId", requestId, "code", code));
    }

    <T> T sql(UUID tenant, String query, Class<T> type, Object... params) {
        return TenantContext.callAs(new TenantId(tenant), null, () -> {
            var statement = jdbc.sql(query);
            for (Object param : params) {
                statement = statement.param(param);
            }
            return statement.query(type).single();
        });
    }

    static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

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
