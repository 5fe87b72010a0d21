package io.team365.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.TestOidcProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Closing an account that has no password (people who sign in only with single sign-on or a passkey): a recent
 * confirmation, such as signing in again with their provider, stands in for the password, so they can be erased
 * like everyone else.
 */
class PasswordlessAccountClosingTests extends SsoFlows {

    private static final String CONFIRM_FIRST = "/settings/security/confirm?next=%2Fsettings%2Faccount";

    @Test
    void someoneWithoutAPasswordClosesTheirAccountAfterConfirmingItIsThem() {
        try (TestOidcProvider idp = TestOidcProvider.start("closing-crm", "closing-secret-value")) {
            SignedUp owner = signUpAndVerify("Passwordless Closing Co");
            String registration = "client-" + owner.tenantId();
            assertThat(location(
                            owner.session().postForm("/settings/client/sign-in", clientProviderForm(idp, false, true))))
                    .endsWith("?saved");

            // a person created through single sign-on (they join the Client through its provider), signed in
            // eleven minutes ago: no password, and no recent confirmation
            String email = uniqueEmail("sso-closer");
            TestOidcProvider.Person person = person(email, true);
            Browserless browser = client();
            try {
                clock.advance(Duration.ofMinutes(-11));
                idp.nextSignIn(person);
                assertThat(location(signInThrough(browser, registration))).endsWith("/app");
            } finally {
                clock.reset();
            }
            assertThat(account(email).orElseThrow()).containsEntry("no_password", true);
            UUID userId = UUID.fromString(
                    Browserless.jsonField(browser.get("/api/v1/me").body(), "userId"));

            HttpResponse<String> page = browser.page("/settings/account");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("You sign in without a password")
                    .contains("href=\"" + CONFIRM_FIRST + "\"")
                    .as("no password to ask for")
                    .doesNotContain("current-password");
            HttpResponse<String> tooSoon = browser.postForm("/settings/account/close", Map.of());
            assertThat(location(tooSoon)).as("sent to confirm first").endsWith(CONFIRM_FIRST);
            assertThat(browser.postForm("/settings/account/close", Map.of("password", "anything at all"))
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .as("a typed password is no proof for an account without one")
                    .endsWith(CONFIRM_FIRST);
            assertThat(account(email)).as("nothing closed").isPresent();
            assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);

            // the confirmation page offers signing in again with the provider; it brings them back to Your data
            assertThat(browser.page(CONFIRM_FIRST).body()).contains("action=\"/settings/security/confirm/sso\"");
            HttpResponse<String> asked = browser.postForm(
                    "/settings/security/confirm/sso", Map.of("provider", registration, "next", "/settings/account"));
            URI start = URI.create(location(asked));
            assertThat(start.getRawPath()).isEqualTo("/oauth2/authorization/" + registration);
            idp.nextSignIn(person);
            assertThat(location(follow(browser, browser.get(start.getRawPath()), c -> c)))
                    .endsWith("/settings/account");

            page = browser.page("/settings/account");
            assertThat(page.body())
                    .contains("You confirmed it is you")
                    .contains("action=\"/settings/account/close\"")
                    .doesNotContain("current-password");
            HttpResponse<String> closed = browser.postForm("/settings/account/close", Map.of());
            assertThat(location(closed)).endsWith("/login?closed");
            assertThat(account(email)).as("the account is gone").isEmpty();
            assertThat(identitiesOf(userId)).as("with its link to the provider").isZero();
            assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
            assertThat(auditCount(owner.tenantId(), "user.account-closed")).isEqualTo(1);
            assertThat(owner.session().get("/api/v1/me").statusCode())
                    .as("the Client carries on")
                    .isEqualTo(200);
        }
    }

    @Test
    void someoneWithAPasswordStillTypesIt() {
        SignedUp owner = signUpAndVerify("Password Closing Co");
        Joined member = inviteAndJoin(owner, "member");
        HttpResponse<String> page = member.session().page("/settings/account");
        assertThat(page.body()).contains("current-password").doesNotContain("You sign in without a password");
        assertThat(member.session()
                        .postForm("/settings/account/close", Map.of())
                        .statusCode())
                .as("just signed in (a recent confirmation), yet the password is still asked")
                .isEqualTo(422);
        assertThat(account(member.email())).isPresent();
        assertThat(location(
                        member.session().postForm("/settings/account/close", Map.of("password", member.password()))))
                .endsWith("/login?closed");
        assertThat(account(member.email())).isEmpty();
    }
}
