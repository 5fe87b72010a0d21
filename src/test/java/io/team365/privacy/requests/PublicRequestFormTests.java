package io.team365.privacy.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public form: a visitor files a request to a Client, confirms it with the emailed code, follows the status link.
 * Wrong, expired, reused and tampered codes or ids, unknown Clients and flooding are refused and change nothing.
 */
class PublicRequestFormTests extends RequestSupport {

    @Test
    void aVisitorConfirmsWithTheEmailedCodeAndFollowsTheStatusLink() {
        SignedUp owner = signUpAndVerify("Public Requests Co");
        Joined admin = inviteAndJoin(owner, "admin");
        Joined member = inviteAndJoin(owner, "member");
        UUID client = owner.tenantId();
        String email = uniqueEmail("visitor");
        assertThat(client().get("/privacy/request/" + client).body())
                .contains("Public Requests Co")
                .contains("name=\"type\"")
                .contains("name=\"email\"");

        Filed filed = file(client, "erasure", email);
        UUID id = UUID.fromString(filed.requestId());
        assertThat(sql(client, "select status from privacy_requests where id = ?", String.class, id))
                .isEqualTo("awaiting-confirmation");
        String storedHash =
                sql(client, "select code_hash from privacy_request_codes where request_id = ?", String.class, id);
        assertThat(storedHash)
                .as("only a hash of the code is kept")
                .matches("[0-9a-f]{64}")
                .doesNotContain(filed.code());
        assertThat(owner.session().get("/api/v1/privacy/requests").body())
                .as("an unconfirmed request is not counted as received")
                .doesNotContain(filed.requestId());

        HttpResponse<String> wrong = confirm(filed.visitor(), client, filed.requestId(), wrong(filed.code()));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("That code is not right. 4 attempts left.");
        assertThat(sql(client, "select attempts from privacy_request_codes where request_id = ?", Integer.class, id))
                .isEqualTo(1);

        HttpResponse<String> confirmed = confirm(filed.visitor(), client, filed.requestId(), filed.code());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Public Requests Co received your request");
        Matcher status = STATUS.matcher(confirmed.body());
        assertThat(status.find()).isTrue();
        String token = status.group(1);
        Instant received = sql(
                        client, "select received_at from privacy_requests where id = ?", java.sql.Timestamp.class, id)
                .toInstant();
        Instant due = sql(client, "select due_at from privacy_requests where id = ?", java.sql.Timestamp.class, id)
                .toInstant();
        assertThat(due).isEqualTo(received.atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
        assertThat(sql(client, "select count(*) from privacy_request_codes where request_id = ?", Long.class, id))
                .as("the used code is gone")
                .isZero();
        assertThat(sql(client, "select status || ' ' || channel from privacy_requests where id = ?", String.class, id))
                .isEqualTo("received public-form");

        HttpResponse<String> reused = confirm(filed.visitor(), client, filed.requestId(), filed.code());
        assertThat(reused.statusCode()).isEqualTo(404);
        assertThat(reused.body()).contains("cannot be confirmed");

        assertThat(awaitMail(email, "received your request")).contains("/privacy/request/status/" + token);
        for (String to : new String[] {owner.email(), admin.email()}) {
            assertThat(awaitMail(to, "confirmed their email address"))
                    .as("each admin is told, without the visitor's address")
                    .contains("/settings/privacy/requests/" + id)
                    .doesNotContain(email);
        }
        assertThat(mailCount(member.email(), body -> body.contains("confirmed their email address")))
                .as("plain members are not")
                .isZero();

        HttpResponse<String> page = client().get("/privacy/request/status/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Received")
                .contains("Public Requests Co")
                .contains("datetime=\"" + due + "\"")
                .doesNotContain(email);
        String tampered = token.substring(0, 40) + (token.charAt(40) == 'A' ? 'B' : 'A') + token.substring(41);
        for (String bad : new String[] {tampered, "abc", UUID.randomUUID() + "x".repeat(28)}) {
            HttpResponse<String> refused = client().get("/privacy/request/status/" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(404);
            assertThat(refused.body()).contains("We found no request for this link");
        }
        assertThat(client().get("/privacy/request/status/" + token + "/package").statusCode())
                .as("nothing to download before completion")
                .isEqualTo(404);

        assertThat(owner.session()
                        .postJson("/api/v1/privacy/requests/" + id + "/verify", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(awaitMail(email, "will erase your data by"))
                .as("for an erasure the subject is told now that no mail follows, and where to see completion")
                .contains("we will not write to you again")
                .contains("the status link we sent you");
        assertThat(client().get("/privacy/request/status/" + token).body()).contains("Identity verified");
    }

    @Test
    void expiredKilledTamperedAndUnknownAreRefusedAndChangeNothing() {
        SignedUp owner = signUpAndVerify("Public Codes Co");
        SignedUp other = signUpAndVerify("Public Codes Other Co");
        UUID client = owner.tenantId();

        Filed late = file(client, "access", uniqueEmail("late"));
        try {
            clock.advance(Duration.ofMinutes(31));
            HttpResponse<String> expired = confirm(late.visitor(), client, late.requestId(), late.code());
            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("This code has expired");
        } finally {
            clock.reset();
        }
        assertThat(sql(
                        client,
                        "select status from privacy_requests where id = ?",
                        String.class,
                        UUID.fromString(late.requestId())))
                .isEqualTo("awaiting-confirmation");

        Filed guessed = file(client, "objection", uniqueEmail("guessed"));
        for (int attempt = 1; attempt <= 4; attempt++) {
            HttpResponse<String> wrong = confirm(guessed.visitor(), client, guessed.requestId(), wrong(guessed.code()));
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(wrong.body()).contains((5 - attempt) + " attempts left");
        }
        HttpResponse<String> fifth = confirm(guessed.visitor(), client, guessed.requestId(), "12ab");
        assertThat(fifth.statusCode()).isEqualTo(410);
        assertThat(fifth.body()).contains("Too many wrong codes");
        HttpResponse<String> tooLate = confirm(guessed.visitor(), client, guessed.requestId(), guessed.code());
        assertThat(tooLate.statusCode())
                .as("even the right code no longer works")
                .isEqualTo(410);
        assertThat(sql(
                        client,
                        "select status from privacy_requests where id = ?",
                        String.class,
                        UUID.fromString(guessed.requestId())))
                .isEqualTo("awaiting-confirmation");

        Filed elsewhere = file(other.tenantId(), "access", uniqueEmail("elsewhere"));
        for (String id : new String[] {UUID.randomUUID().toString(), "not-an-id", elsewhere.requestId()}) {
            HttpResponse<String> unknown = confirm(client(), client, id, elsewhere.code());
            assertThat(unknown.statusCode()).as(id).isEqualTo(404);
            assertThat(unknown.body()).contains("cannot be confirmed");
        }
        assertThat(sql(
                        other.tenantId(),
                        "select status from privacy_requests where id = ?",
                        String.class,
                        UUID.fromString(elsewhere.requestId())))
                .as("another Client's request cannot be confirmed through this Client's form")
                .isEqualTo("awaiting-confirmation");

        long before = sql(client, "select count(*) from privacy_requests", Long.class);
        for (String unknownClient : new String[] {UUID.randomUUID().toString(), "xyz"}) {
            HttpResponse<String> page = client().get("/privacy/request/" + unknownClient);
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("We do not know this organisation");
            Browserless visitor = client();
            assertThat(visitor.postForm(
                                    "/privacy/request/" + unknownClient,
                                    Map.of("type", "access", "email", uniqueEmail("x")))
                            .statusCode())
                    .isEqualTo(404);
        }
        HttpResponse<String> bad = client().postForm(
                        "/privacy/request/" + client,
                        Map.of("type", "everything", "email", "not an email", "details", "x".repeat(2001)));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains("Choose one of:")
                .contains("Enter a valid email address")
                .contains("Use at most 2,000 characters");
        assertThat(sql(client, "select count(*) from privacy_requests", Long.class))
                .as("nothing stored for bad input or unknown Clients")
                .isEqualTo(before);
    }

    @Autowired
    RequestHousekeeping housekeeping;

    @Test
    void requestsNeverConfirmedAreDeletedADayAfterTheirCodeExpired() {
        SignedUp owner = signUpAndVerify("Public Housekeeping Co");
        UUID client = owner.tenantId();
        Filed kept = file(client, "access", uniqueEmail("kept"));
        try {
            clock.advance(Duration.ofHours(2));
            Filed forgotten = file(client, "access", uniqueEmail("forgotten"));
            clock.advance(Duration.ofHours(23));
            housekeeping.purge();
            assertThat(sql(
                            client,
                            "select count(*) from privacy_requests where id = ?",
                            Long.class,
                            UUID.fromString(kept.requestId())))
                    .as("unconfirmed for more than a day after its code expired: gone, with its address")
                    .isZero();
            assertThat(sql(
                            client,
                            "select count(*) from privacy_requests where id = ?",
                            Long.class,
                            UUID.fromString(forgotten.requestId())))
                    .as("still within the grace day")
                    .isEqualTo(1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void floodingIsThrottledPerEmailAndPerAddressAndStoresNothing() {
        SignedUp owner = signUpAndVerify("Public Flood Co");
        UUID client = owner.tenantId();
        String target = uniqueEmail("flooded");
        for (int i = 0; i < 3; i++) {
            assertThat(client().postForm("/privacy/request/" + client, Map.of("type", "access", "email", target))
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> fourth =
                client().postForm("/privacy/request/" + client, Map.of("type", "access", "email", target));
        assertThat(fourth.statusCode())
                .as("a fourth code to the same inbox within the hour")
                .isEqualTo(429);
        assertThat(fourth.body()).contains("Too many requests. Nothing was sent");
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        assertThat(sql(client, "select count(*) from privacy_requests where subject_email = ?", Long.class, target))
                .isEqualTo(3);

        Browserless flooder = client();
        for (int i = 0; i < 5; i++) {
            assertThat(flooder.postForm(
                                    "/privacy/request/" + client,
                                    Map.of("type", "access", "email", uniqueEmail("many")))
                            .statusCode())
                    .isEqualTo(200);
        }
        String last = uniqueEmail("last");
        HttpResponse<String> sixth =
                flooder.postForm("/privacy/request/" + client, Map.of("type", "access", "email", last));
        assertThat(sixth.statusCode())
                .as("a sixth filing from one address within the hour")
                .isEqualTo(429);
        assertThat(sql(client, "select count(*) from privacy_requests where subject_email = ?", Long.class, last))
                .isZero();
        assertThat(messagesTo(last)).as("no code was sent").isEmpty();
    }
}
