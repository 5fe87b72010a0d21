package io.team365.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.PasskeyDevice;
import io.team365.support.TestOidcProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A passkey as the second factor after a password, and step-up ("Confirm it is you") with whatever the person has: a
 * passkey, or signing in again with a linked provider for someone who has no password. Over HTTP, with webauthn4j's
 * authenticator emulator and the test OpenID Connect provider.
 */
class PasskeySecondFactorAndStepUpTests extends SsoFlows {

    private static final TestOidcProvider IDP = TestOidcProvider.PLATFORM;

    @Test
    void aPasswordThenAPasskeyAsTheSecondFactorReachesTheApp() {
        SignedUp owner = signUpAndVerify("Passkey Second Co");
        PasskeyDevice laptop = new PasskeyDevice(port);
        assertThat(laptop.register(owner.session(), "Laptop").statusCode()).isEqualTo(201);

        Browserless browser = client();
        HttpResponse<String> password =
                browser.postForm("/login", Map.of("username", owner.email(), "password", owner.password()));
        assertThat(location(password)).as("a passkey is a second factor").endsWith("/login/second-factor");
        assertThat(browser.get("/api/v1/me").statusCode())
                .as("pending is signed out")
                .isEqualTo(401);
        String page = browser.page("/login/second-factor").body();
        assertThat(page)
                .contains("id=\"passkey-signin\"", "Use a passkey", "/js/passkeys.js")
                .as("no authenticator app: no code field")
                .doesNotContain("name=\"code\"");

        HttpResponse<String> second = laptop.assertTo(browser, "/login/webauthn");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(second.body()).contains("\"redirectUrl\":\"/app\"");
        assertThat(browser.page("/app").statusCode()).isEqualTo(200);
        assertThat(Browserless.jsonField(browser.get("/api/v1/me").body(), "userId"))
                .isEqualTo(owner.userId().toString());
        assertThat(auditWithDetails(owner.tenantId(), "signin.second-factor", "{\"factor\":\"passkey\"}"))
                .isEqualTo(1);
        assertThat(auditWithDetails(owner.tenantId(), "signin.second-factor", "{\"method\":\"password\"}"))
                .isEqualTo(1);
        assertThat(browser.page("/login/second-factor").statusCode())
                .as("the pending sign-in is used up")
                .isEqualTo(302);
    }

    @Test
    void anotherPersonsPasskeyDuringAPendingSignInIsRefusedAndSignsNobodyIn() {
        SignedUp owner = signUpAndVerify("Passkey Pending Co");
        SignedUp stranger = signUpAndVerify("Passkey Stranger Co");
        PasskeyDevice ownersKey = new PasskeyDevice(port);
        PasskeyDevice strangersKey = new PasskeyDevice(port);
        assertThat(ownersKey.register(owner.session(), "Mine").statusCode()).isEqualTo(201);
        assertThat(strangersKey.register(stranger.session(), "Theirs").statusCode())
                .isEqualTo(201);

        Browserless browser = client();
        assertThat(location(
                        browser.postForm("/login", Map.of("username", owner.email(), "password", owner.password()))))
                .endsWith("/login/second-factor");
        assertThat(browser.page("/login/second-factor").body()).contains("data-login-path=\"/login/webauthn?pending\"");
        HttpResponse<String> wrong = strangersKey.assertTo(browser, "/login/webauthn?pending");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("not yours");
        assertThat(browser.get("/api/v1/me").statusCode())
                .as("neither the stranger nor the owner is signed in")
                .isEqualTo(401);
        assertThat(auditWithDetails(owner.tenantId(), "signin.second-factor", "{}"))
                .isZero();
        assertThat(auditWithDetails(stranger.tenantId(), "signin.passkey", "{}"))
                .isZero();

        // the pending sign-in is still there for the owner's own passkey
        assertThat(browser.page("/login/second-factor").statusCode()).isEqualTo(200);
        assertThat(ownersKey.assertTo(browser, "/login/webauthn?pending").statusCode())
                .isEqualTo(200);
        assertThat(Browserless.jsonField(browser.get("/api/v1/me").body(), "userId"))
                .isEqualTo(owner.userId().toString());

        // someone typed the owner's password and walked away; the stranger, at the same browser, uses the sign-in
        // page's passkey button: they sign in as themselves, and the half-finished sign-in is gone
        Browserless shared = client();
        shared.postForm("/login", Map.of("username", owner.email(), "password", owner.password()));
        HttpResponse<String> fresh = strangersKey.assertTo(shared, "/login/webauthn");
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        assertThat(Browserless.jsonField(shared.get("/api/v1/me").body(), "userId"))
                .isEqualTo(stranger.userId().toString());
        assertThat(location(shared.get("/login/second-factor")))
                .as("nothing of the owner's sign-in is left to finish")
                .endsWith("/login");
    }

    @Test
    void stepUpWithAPasskeyOfTheSamePersonOnly() {
        SignedUp owner = signUpAndVerify("Passkey Step Co");
        SignedUp other = signUpAndVerify("Passkey Other Co");
        PasskeyDevice ownersKey = new PasskeyDevice(port);
        PasskeyDevice othersKey = new PasskeyDevice(port);
        assertThat(ownersKey.register(owner.session(), "Mine").statusCode()).isEqualTo(201);
        assertThat(othersKey.register(other.session(), "Theirs").statusCode()).isEqualTo(201);
        Browserless session = owner.session();
        try {
            clock.advance(Duration.ofMinutes(11));
            assertThat(location(session.postForm("/settings/tokens", Map.of("name", "late"))))
                    .endsWith("/settings/security/confirm?next=%2Fsettings%2Ftokens");
            assertThat(session.page("/settings/security/confirm?next=/settings/tokens")
                            .body())
                    .contains("Confirm with a passkey", "data-next=\"/settings/tokens\"", "current-password");

            HttpResponse<String> notTheirs = othersKey.assertTo(session, "/login/webauthn?next=/settings/tokens");
            assertThat(notTheirs.statusCode()).isEqualTo(401);
            assertThat(Browserless.jsonField(session.get("/api/v1/me").body(), "userId"))
                    .as("the session's person was not swapped")
                    .isEqualTo(owner.userId().toString());
            assertThat(session.postForm("/settings/tokens", Map.of("name", "late"))
                            .statusCode())
                    .as("still not confirmed")
                    .isEqualTo(303);

            assertThat(confirmations(owner.tenantId(), "passkey")).isZero();
            HttpResponse<String> confirmed = ownersKey.assertTo(session, "/login/webauthn?next=https://evil.example/x");
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(confirmations(owner.tenantId(), "passkey"))
                    .as("audited, with the factor that vouched")
                    .isEqualTo(1);
            assertThat(confirmed.body())
                    .as("only paths of this site")
                    .contains("\"redirectUrl\":\"/settings/security\"");
            assertThat(location(session.postForm("/settings/tokens", Map.of("name", "late"))))
                    .endsWith("/settings/tokens");
            assertThat(session.get("/api/v1/me/tokens").body()).contains("\"late\"");
            assertThat(Browserless.jsonField(session.get("/api/v1/me").body(), "userId"))
                    .isEqualTo(owner.userId().toString());
        } finally {
            clock.reset();
        }
    }

    @Test
    void aPersonWithOnlySingleSignOnStepsUpBySigningInAgainWithTheLinkedIdentity() {
        String email = uniqueEmail("sso-stepup");
        TestOidcProvider.Person person = person(email, true);
        Browserless browser = client();
        try {
            // signed in (and stamped) eleven minutes ago
            clock.advance(Duration.ofMinutes(-11));
            IDP.nextSignIn(person);
            assertThat(location(signInThrough(browser, "testidp"))).endsWith("/signup/sso");
            assertThat(location(
                            browser.postForm("/signup/sso", Map.of("company", "Only SSO Co", "name", "Sam Single"))))
                    .endsWith("/app");
        } finally {
            clock.reset();
        }
        UUID userId =
                UUID.fromString(Browserless.jsonField(browser.get("/api/v1/me").body(), "userId"));
        assertThat(account(email).orElseThrow()).containsEntry("no_password", true);

        assertThat(location(browser.postForm("/settings/tokens", Map.of("name", "sso token"))))
                .endsWith("/settings/security/confirm?next=%2Fsettings%2Ftokens");
        String page =
                browser.page("/settings/security/confirm?next=/settings/tokens").body();
        assertThat(page)
                .contains("Sign in again with Test IdP", "action=\"/settings/security/confirm/sso\"")
                .as("no password to ask for")
                .doesNotContain("current-password");

        // bad input: a provider not linked to the person, none at all
        for (String provider : new String[] {"testoauth", "", "nope/../x"}) {
            assertThat(location(browser.postForm(
                            "/settings/security/confirm/sso",
                            Map.of("provider", provider, "next", "/settings/tokens"))))
                    .as("provider '%s'", provider)
                    .endsWith("/settings/security/confirm?error=sso-failed&next=%2Fsettings%2Ftokens");
        }

        // another account at the provider: refused, signs nobody in, links and creates nothing
        String otherEmail = uniqueEmail("sso-someone-else");
        IDP.nextSignIn(person(otherEmail, true));
        assertThat(location(reauthenticate(browser)))
                .endsWith("/settings/security/confirm?error=sso-other&next=%2Fsettings%2Ftokens");
        assertThat(Browserless.jsonField(browser.get("/api/v1/me").body(), "userId"))
                .isEqualTo(userId.toString());
        assertThat(account(otherEmail)).isEmpty();
        assertThat(identitiesOf(userId)).isEqualTo(1);
        assertThat(browser.page("/settings/security/confirm?error=sso-other&next=/settings/tokens")
                        .body())
                .contains("another account at your provider");
        assertThat(browser.postForm("/settings/tokens", Map.of("name", "sso token"))
                        .statusCode())
                .isEqualTo(303);

        // the provider reused an old sign-in instead of asking again
        IDP.nextSignIn(person, TestOidcProvider.Trick.OLD_SIGN_IN);
        assertThat(location(reauthenticate(browser)))
                .endsWith("/settings/security/confirm?error=sso-failed&next=%2Fsettings%2Ftokens");
        assertThat(browser.postForm("/settings/tokens", Map.of("name", "sso token"))
                        .statusCode())
                .isEqualTo(303);

        // a tampered state: Spring refuses, the person stays signed in, nothing confirmed
        IDP.nextSignIn(person);
        assertThat(location(reauthenticate(browser, callback -> callback.replaceFirst("state=[^&]+", "state=forged"))))
                .endsWith("/settings/security/confirm?error=sso-failed&next=%2Fsettings%2Ftokens");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);

        // the linked identity, signing in anew: confirmed, back to where the person was going
        UUID tenant =
                UUID.fromString(Browserless.jsonField(browser.get("/api/v1/me").body(), "tenantId"));
        assertThat(confirmations(tenant, "sso:testidp"))
                .as("no refused attempt counts")
                .isZero();
        IDP.nextSignIn(person);
        assertThat(location(reauthenticate(browser))).endsWith("/settings/tokens");
        assertThat(confirmations(tenant, "sso:testidp")).isEqualTo(1);
        assertThat(IDP.lastAuthorization).containsEntry("prompt", "login").containsEntry("max_age", "0");
        assertThat(location(browser.postForm("/settings/tokens", Map.of("name", "sso token"))))
                .endsWith("/settings/tokens");
        assertThat(browser.get("/api/v1/me/tokens").body()).contains("\"sso token\"");
        assertThat(Browserless.jsonField(browser.get("/api/v1/me").body(), "userId"))
                .isEqualTo(userId.toString());

        // an ordinary sign-in does not ask the provider to sign in again
        IDP.nextSignIn(person);
        assertThat(location(signInThrough(client(), "testidp"))).endsWith("/app");
        assertThat(IDP.lastAuthorization).doesNotContainKey("prompt").doesNotContainKey("max_age");
    }

    @Test
    void linkingUnlinkingTheClientsSignInSettingsAndPasskeysNeedARecentConfirmation() {
        SignedUp owner = signUpAndVerify("Stale Rules Co");
        PasskeyDevice key = new PasskeyDevice(port);
        String passkeyId =
                Browserless.jsonField(key.register(owner.session(), "Key").body(), "id");
        Browserless session = owner.session();
        try {
            clock.advance(Duration.ofMinutes(11));
            Map<String, String> asked = Map.of(
                    "/settings/security/identities/link",
                    "%2Fsettings%2Fsecurity%2Fidentities",
                    "/settings/security/identities/" + UUID.randomUUID() + "/unlink",
                    "%2Fsettings%2Fsecurity%2Fidentities",
                    "/settings/client/sign-in",
                    "%2Fsettings%2Fclient%2Fsign-in",
                    "/settings/client/sign-in/remove",
                    "%2Fsettings%2Fclient%2Fsign-in",
                    "/settings/security/passkeys/" + passkeyId + "/remove",
                    "%2Fsettings%2Fsecurity%2Fpasskeys",
                    "/settings/security/passkeys/" + passkeyId + "/rename",
                    "%2Fsettings%2Fsecurity%2Fpasskeys");
            asked.forEach((path, back) -> {
                HttpResponse<String> response =
                        session.postForm(path, Map.of("provider", "testidp", "label", "Renamed"));
                assertThat(response.statusCode()).as(path).isEqualTo(303);
                assertThat(location(response)).as(path).endsWith("/settings/security/confirm?next=" + back);
            });
            assertThat(session.postJson("/settings/security/passkeys", "{}").statusCode())
                    .isEqualTo(303);
            assertThat(asUser(
                            owner.userId(),
                            () -> jdbc.sql("select label from passkey_credentials where user_id = :u")
                                    .param("u", owner.userId())
                                    .query(String.class)
                                    .list()))
                    .as("nothing renamed or removed")
                    .containsExactly("Key");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aPasskeyOnlySecondFactorHasRecoveryCodesThatGoWithTheLastPasskey() {
        SignedUp owner = signUpAndVerify("Passkey Recovery Co");
        PasskeyDevice laptop = new PasskeyDevice(port);
        HttpResponse<String> registered = laptop.register(owner.session(), "Laptop");
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(owner.session().page("/settings/security").body())
                .as("offered to a passkey-only person too")
                .contains("No recovery codes left", "action=\"/settings/security/recovery-codes\"");
        HttpResponse<String> made = owner.session().postForm("/settings/security/recovery-codes", Map.of());
        assertThat(made.statusCode()).isEqualTo(200);
        Matcher shown = Pattern.compile("id=\"recovery-codes-text\"[^>]*value=\"([^\"]+)\"")
                .matcher(made.body());
        assertThat(shown.find()).isTrue();
        List<String> codes = List.of(shown.group(1).split(" "));
        assertThat(codes).hasSize(10);
        assertThat(recoveryCodesOf(owner.userId())).isEqualTo(10);

        // the laptop is lost: password, then a recovery code instead of the passkey
        Browserless browser = client();
        browser.postForm("/login", Map.of("username", owner.email(), "password", owner.password()));
        assertThat(browser.page("/login/second-factor").body())
                .contains("id=\"passkey-signin\"", "/login/second-factor?recovery");
        String recoveryPage = browser.page("/login/second-factor?recovery").body();
        assertThat(recoveryPage).contains("name=\"recoveryCode\"", "Use your passkey instead");
        assertThat(browser.postForm("/login/second-factor", Map.of("recoveryCode", "0000-0000-0000-0000"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(location(browser.postForm("/login/second-factor", Map.of("recoveryCode", codes.get(0)))))
                .endsWith("/settings/security?recoveryUsed");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(auditWithDetails(owner.tenantId(), "signin.second-factor", "{\"factor\":\"recovery-code\"}"))
                .isEqualTo(1);

        // removing the last passkey takes the codes with it: nothing is left for them to stand in for
        assertThat(location(browser.postForm(
                        "/settings/security/passkeys/" + Browserless.jsonField(registered.body(), "id") + "/remove",
                        Map.of())))
                .endsWith("/settings/security/passkeys?removed");
        assertThat(recoveryCodesOf(owner.userId())).isZero();
        assertThat(location(
                        client().postForm("/login", Map.of("username", owner.email(), "password", owner.password()))))
                .as("no second factor any more")
                .endsWith("/app");
    }

    @Test
    void anAdminWithOnlyAPasskeyMayRequireTwoFactorsAndIsNotSentToEnrol() {
        SignedUp owner = signUpAndVerify("Passkey Policy Co");
        assertThat(owner.session()
                        .patchJson("/api/v1/client", "{\"mfaRequired\":true}")
                        .statusCode())
                .as("no second factor yet")
                .isEqualTo(400);
        PasskeyDevice key = new PasskeyDevice(port);
        HttpResponse<String> registered = key.register(owner.session(), "Key");
        assertThat(registered.statusCode()).isEqualTo(201);
        HttpResponse<String> required = owner.session().patchJson("/api/v1/client", "{\"mfaRequired\":true}");
        assertThat(required.statusCode()).as(required.body()).isEqualTo(200);
        try {
            assertThat(owner.session().page("/contacts").statusCode())
                    .as("a passkey satisfies the Client's rule")
                    .isEqualTo(200);
            HttpResponse<String> removeLast = owner.session()
                    .postForm(
                            "/settings/security/passkeys/" + Browserless.jsonField(registered.body(), "id") + "/remove",
                            Map.of());
            assertThat(removeLast.statusCode())
                    .as("the last second factor stays while the Client requires one")
                    .isEqualTo(409);
            assertThat(removeLast.body()).contains("this is your last second factor");
            assertThat(owner.session().page("/settings/security/passkeys").body())
                    .contains("Key");
        } finally {
            owner.session().patchJson("/api/v1/client", "{\"mfaRequired\":false}");
        }
    }

    /** "Sign in again with Test IdP" on the confirmation page, through the provider; the callback's answer. */
    private HttpResponse<String> reauthenticate(Browserless browser) {
        return reauthenticate(browser, UnaryOperator.identity());
    }

    private HttpResponse<String> reauthenticate(Browserless browser, UnaryOperator<String> tamper) {
        HttpResponse<String> asked = browser.postForm(
                "/settings/security/confirm/sso", Map.of("provider", "testidp", "next", "/settings/tokens"));
        URI start = URI.create(location(asked));
        assertThat(start.getRawPath()).isEqualTo("/oauth2/authorization/testidp");
        return follow(browser, browser.get(start.getRawPath()), tamper);
    }

    private long auditWithDetails(UUID tenant, String action, String detailsContain) {
        return inTenant(
                tenant,
                () -> jdbc.sql("select count(*) from audit_events where action = :a and details @> cast(:d as jsonb)")
                        .param("a", action)
                        .param("d", detailsContain)
                        .query(Long.class)
                        .single());
    }

    private long confirmations(UUID tenant, String factor) {
        return auditWithDetails(tenant, "identity.confirmed", "{\"factor\":\"" + factor + "\"}");
    }

    private long recoveryCodesOf(UUID userId) {
        return asUser(
                userId,
                () -> jdbc.sql("select count(*) from user_recovery_codes where user_id = :u and used_at is null")
                        .param("u", userId)
                        .query(Long.class)
                        .single());
    }
}
