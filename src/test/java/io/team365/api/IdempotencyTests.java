package io.team365.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A retried create with the same Idempotency-Key returns the first result instead of a copy. */
class IdempotencyTests extends IntegrationTest {

    @Test
    void aRetriedCreateReturnsTheFirstResult() {
        SignedUp owner = signUpAndVerify("Idempotent Co");
        Browserless api = apiClient(owner.session());
        String key = UUID.randomUUID().toString();
        String invitee = uniqueEmail("once");
        String body = "{\"email\":\"" + invitee + "\",\"role\":\"member\"}";

        HttpResponse<String> first = api.postJsonWith("/api/v1/invitations", body, key);
        HttpResponse<String> retry = api.postJsonWith("/api/v1/invitations", body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        String invitations = api.get("/api/v1/invitations").body();
        assertThat(invitations.split(invitee, -1)).as("one invitation, not two").hasSize(2);
        assertThat(messagesTo(invitee)).hasSizeLessThanOrEqualTo(1);

        HttpResponse<String> otherBody = api.postJsonWith(
                "/api/v1/invitations", "{\"email\":\"" + uniqueEmail("other") + "\",\"role\":\"member\"}", key);
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(otherBody.body()).contains("different request");

        assertThat(api.postJsonWith("/api/v1/invitations", body, "bad key with spaces")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void failuresFreeTheKeyAndKeysArePerPerson() {
        SignedUp owner = signUpAndVerify("Idempotent Failures Co");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> invalid =
                owner.session().postJsonWith("/api/v1/invitations", "{\"email\":\"nope\",\"role\":\"member\"}", key);
        assertThat(invalid.statusCode()).isEqualTo(400);
        HttpResponse<String> fixed = owner.session()
                .postJsonWith(
                        "/api/v1/invitations", "{\"email\":\"" + uniqueEmail("fixed") + "\",\"role\":\"member\"}", key);
        assertThat(fixed.statusCode())
                .as("a failed attempt does not use the key up")
                .isEqualTo(201);

        SignedUp someoneElse = signUpAndVerify("Other Idempotent Co");
        HttpResponse<String> sameKeyElsewhere = someoneElse
                .session()
                .postJsonWith(
                        "/api/v1/invitations",
                        "{\"email\":\"" + uniqueEmail("elsewhere") + "\",\"role\":\"member\"}",
                        key);
        assertThat(sameKeyElsewhere.statusCode()).isEqualTo(201);
        assertThat(sameKeyElsewhere.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }
}
