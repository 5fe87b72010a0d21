package io.team365.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.TestOidcProvider;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Someone who signs in without a password (single sign-on here; a passkey is the same case) is invited to another
 * Client: they accept by being signed in as the invited account, never by someone else's session.
 */
class SsoInvitationTests extends SsoFlows {

    private static final TestOidcProvider IDP = TestOidcProvider.PLATFORM;

    @Test
    void aPersonWithoutAPasswordAcceptsAnInvitationBySigningInFirst() {
        String email = uniqueEmail("sso-invitee");
        TestOidcProvider.Person person = person(email, true);
        Browserless first = client();
        IDP.nextSignIn(person);
        assertThat(location(signInThrough(first, "testidp"))).endsWith("/signup/sso");
        assertThat(location(first.postForm("/signup/sso", Map.of("company", "Own Co", "name", "Sam Single"))))
                .endsWith("/app");
        UUID userId =
                UUID.fromString(Browserless.jsonField(first.get("/api/v1/me").body(), "userId"));
        assertThat(account(email).orElseThrow()).containsEntry("no_password", true);

        SignedUp inviter = signUpAndVerify("Inviting Co");
        assertThat(inviter.session()
                        .postJson("/api/v1/invitations", "{\"email\":\"%s\",\"role\":\"member\"}".formatted(email))
                        .statusCode())
                .isEqualTo(201);
        String link = awaitLink(email, "/invitations/accept?token=");
        String token = link.substring(link.indexOf("token=") + 6);

        // not signed in: no password to ask for, so the page asks to sign in first, and a post is refused
        Browserless visitor = client();
        String page = visitor.get("/invitations/accept?token=" + token).body();
        assertThat(page)
                .contains("Sign in to accept", "/invitations/accept/signed-in?token=" + token)
                .doesNotContain("current-password");
        HttpResponse<String> guessed =
                visitor.postForm("/invitations/accept", Map.of("token", token, "password", "anything at all 1"));
        assertThat(guessed.statusCode()).isEqualTo(422);
        assertThat(guessed.body()).contains("Sign in as " + email);

        // someone else's session proves nothing about the invited account
        HttpResponse<String> otherSession = inviter.session().postForm("/invitations/accept", Map.of("token", token));
        assertThat(otherSession.statusCode()).isEqualTo(422);
        assertThat(membershipIn(inviter.tenantId(), userId)).isZero();

        // "Sign in to accept": signing in through the provider brings the person back to the invitation
        HttpResponse<String> askedToSignIn = visitor.get("/invitations/accept/signed-in?token=" + token);
        assertThat(askedToSignIn.statusCode()).isEqualTo(302);
        assertThat(location(askedToSignIn)).endsWith("/login");
        IDP.nextSignIn(person);
        String back = location(signInThrough(visitor, "testidp"));
        assertThat(back).contains("/invitations/accept/signed-in?token=" + token);
        HttpResponse<String> toInvitation = visitor.get(back.substring(back.indexOf("/invitations")));
        assertThat(location(toInvitation)).endsWith("/invitations/accept?token=" + token);
        assertThat(visitor.get("/invitations/accept?token=" + token).body())
                .contains("You are signed in as the invited account")
                .doesNotContain("type=\"password\"");

        HttpResponse<String> accepted = visitor.postForm("/invitations/accept", Map.of("token", token));
        assertThat(location(accepted)).endsWith("/app");
        assertThat(membershipIn(inviter.tenantId(), userId)).isEqualTo(1);
        assertThat(auditCount(inviter.tenantId(), "invitation.accepted")).isEqualTo(1);
        assertThat(visitor.postForm("/invitations/accept", Map.of("token", token))
                        .statusCode())
                .as("used once")
                .isEqualTo(422);
    }

    private long membershipIn(UUID tenant, UUID userId) {
        return countInTenant(tenant, "select count(*) from memberships where user_id = ?", userId);
    }
}
