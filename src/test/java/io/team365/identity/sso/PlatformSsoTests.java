package io.team365.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.TestOidcProvider;
import io.team365.support.TestOidcProvider.Trick;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sign-in, sign-up and linking through a platform provider configured with Spring Boot's standard properties,
 * against a real OpenID Connect server over HTTP.
 */
class PlatformSsoTests extends SsoFlows {

    private static final TestOidcProvider IDP = TestOidcProvider.PLATFORM;

    @Test
    void theSignInAndSignUpPagesShowTheConfiguredProviders() {
        Browserless anonymous = client();
        assertThat(anonymous.page("/login").body())
                .contains("href=\"/oauth2/authorization/testidp\"", "Sign in with Test IdP", "/login/sso");
        assertThat(anonymous.page("/signup").body()).contains("Sign up with Test IdP", "Sign up with Test OAuth");
    }

    @Test
    void signUpThroughTheProviderThenSignInAgainKeepingNoToken() {
        String email = uniqueEmail("sso-new");
        TestOidcProvider.Person person = person(email, true);
        IDP.nextSignIn(person);
        Browserless browser = client();

        HttpResponse<String> landed = signInThrough(browser, "testidp");
        assertThat(location(landed)).endsWith("/signup/sso");
        assertThat(browser.get("/api/v1/me").statusCode())
                .as("not signed in before the form")
                .isEqualTo(401);
        assertThat(browser.page("/signup/sso").body()).contains(email, "Sam Single");
        HttpResponse<String> bad = browser.postForm("/signup/sso", Map.of("company", "", "name", "Sam Single"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(account(email)).as("nothing created on bad input").isEmpty();

        HttpResponse<String> created =
                browser.postForm("/signup/sso", Map.of("company", "Single Sign Co", "name", "Sam Single"));
        assertThat(location(created)).endsWith("/app");
        String me = browser.get("/api/v1/me").body();
        UUID userId = UUID.fromString(Browserless.jsonField(me, "userId"));
        UUID tenant = UUID.fromString(Browserless.jsonField(me, "tenantId"));
        assertThat(account(email).orElseThrow())
                .containsEntry("no_password", true)
                .containsEntry("verified", true);
        Map<String, Object> link = asUser(
                userId,
                () -> jdbc.sql("select registration_id, issuer, subject, email, email_verified, name, picture_url,"
                                + " linked_at is not null as linked from sso_identities where user_id = :u")
                        .param("u", userId)
                        .query()
                        .singleRow());
        assertThat(link)
                .containsEntry("registration_id", "testidp")
                .containsEntry("issuer", IDP.issuer())
                .containsEntry("subject", person.subject())
                .containsEntry("email", email)
                .containsEntry("email_verified", true)
                .containsEntry("name", "Sam Single")
                .containsEntry("picture_url", "https://pictures.example.test/sam.png")
                .containsEntry("linked", true);
        assertThat(auditCount(tenant, "identity.linked")).isEqualTo(1);
        assertThat(auditCount(tenant, "signin.sso")).isEqualTo(1);
        assertThat(IDP.issuedTokens).isNotEmpty();
        IDP.issuedTokens.forEach(token -> assertThat(anySessionContains(token))
                .as("no access or ID token is kept in any session")
                .isFalse());

        // a new browser: the link signs the same person in
        IDP.nextSignIn(person);
        Browserless again = client();
        assertThat(location(signInThrough(again, "testidp"))).endsWith("/app");
        assertThat(Browserless.jsonField(again.get("/api/v1/me").body(), "userId"))
                .isEqualTo(userId.toString());
        assertThat(auditCount(tenant, "signin.sso")).isEqualTo(2);
        assertThat(identitiesOf(userId)).isEqualTo(1);
    }

    @Test
    void aVerifiedEmailLinksToTheExistingAccount() {
        SignedUp owner = signUpAndVerify("Linked By Email Co");
        TestOidcProvider.Person person = person(owner.email(), true);
        IDP.nextSignIn(person);
        Browserless browser = client();
        assertThat(location(signInThrough(browser, "testidp"))).endsWith("/app");
        assertThat(Browserless.jsonField(browser.get("/api/v1/me").body(), "userId"))
                .isEqualTo(owner.userId().toString());
        assertThat(identitiesOf(owner.userId())).isEqualTo(1);
        assertThat(account(owner.email()).orElseThrow())
                .as("the password stays: the account's address was verified already")
                .containsEntry("no_password", false);
        assertThat(auditCount(owner.tenantId(), "identity.linked")).isEqualTo(1);
    }

    @Test
    void anUnverifiedEmailIsRefusedAndLinksNothing() {
        SignedUp owner = signUpAndVerify("Unverified Co");
        TestOidcProvider.Person claimsOwner = person(owner.email(), false);
        IDP.nextSignIn(claimsOwner);
        Browserless browser = client();
        assertThat(location(signInThrough(browser, "testidp"))).endsWith("/login?sso=unverified");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(identitiesOf(owner.userId())).isZero();
        assertThat(browser.page("/login?sso=unverified").body()).contains("did not confirm that it verified");

        // a new address, unverified: no sign-up either
        String email = uniqueEmail("sso-unverified");
        IDP.nextSignIn(person(email, false));
        assertThat(location(signInThrough(client(), "testidp"))).endsWith("/login?sso=unverified");
        assertThat(account(email)).isEmpty();

        // plain OAuth2 (Facebook's way): no email_verified claim at all counts as unverified
        IDP.nextSignIn(person(owner.email(), null));
        assertThat(location(signInThrough(client(), "testoauth"))).endsWith("/login?sso=unverified");
        assertThat(identitiesOf(owner.userId())).isZero();
    }

    @Test
    void aTamperedStateIsRefused() {
        SignedUp owner = signUpAndVerify("Tampered State Co");
        TestOidcProvider.Person person = person(owner.email(), true);
        IDP.nextSignIn(person);
        Browserless browser = client();
        HttpResponse<String> refused =
                signInThrough(browser, "testidp", callback -> callback.replaceFirst("state=[^&]+", "state=forged"));
        assertThat(location(refused)).endsWith("/login?sso=failed");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(identitiesWithSubject("testidp", IDP.issuer(), person.subject()))
                .isZero();
    }

    @Test
    void aWrongNonceAnExpiredAndAWronglySignedIdTokenAreRefused() {
        SignedUp owner = signUpAndVerify("Bad Tokens Co");
        for (Trick trick : new Trick[] {Trick.WRONG_NONCE, Trick.EXPIRED, Trick.WRONG_KEY}) {
            TestOidcProvider.Person person = person(owner.email(), true);
            IDP.nextSignIn(person, trick);
            Browserless browser = client();
            assertThat(location(signInThrough(browser, "testidp")))
                    .as(trick.name())
                    .endsWith("/login?sso=failed");
            assertThat(browser.get("/api/v1/me").statusCode()).as(trick.name()).isEqualTo(401);
            assertThat(identitiesWithSubject("testidp", IDP.issuer(), person.subject()))
                    .as(trick.name())
                    .isZero();
        }
        assertThat(identitiesOf(owner.userId())).isZero();
    }

    @Test
    void linkingFromSettingsAndNeverUnlinkingTheLastWayIn() {
        // an account made through the provider: no password, one link
        String email = uniqueEmail("sso-only");
        IDP.nextSignIn(person(email, true));
        Browserless browser = client();
        signInThrough(browser, "testidp");
        browser.postForm("/signup/sso", Map.of("company", "Only Links Co", "name", "Sam Single"));
        String me = browser.get("/api/v1/me").body();
        UUID userId = UUID.fromString(Browserless.jsonField(me, "userId"));
        UUID tenant = UUID.fromString(Browserless.jsonField(me, "tenantId"));
        UUID first = asUser(
                userId,
                () -> jdbc.sql("select id from sso_identities where user_id = :u")
                        .param("u", userId)
                        .query(UUID.class)
                        .single());

        HttpResponse<String> lastWay = browser.postForm("/settings/security/identities/" + first + "/unlink", Map.of());
        assertThat(location(lastWay)).endsWith("?error=last-way");
        assertThat(identitiesOf(userId)).isEqualTo(1);
        assertThat(browser.page("/settings/security/identities").body()).contains("only way to sign in");

        // link the plain OAuth2 provider from Settings: its address is unverified, but the person is signed in
        TestOidcProvider.Person other = person(uniqueEmail("other-address"), null);
        IDP.nextSignIn(other);
        HttpResponse<String> linked = linkThrough(browser, "testoauth");
        assertThat(location(linked)).endsWith("/settings/security/identities?linked");
        assertThat(Browserless.jsonField(browser.get("/api/v1/me").body(), "userId"))
                .as("still the same person")
                .isEqualTo(userId.toString());
        assertThat(identitiesOf(userId)).isEqualTo(2);
        assertThat(auditCount(tenant, "identity.linked")).isEqualTo(2);

        // the linked OAuth2 identity now signs in, unverified address or not
        IDP.nextSignIn(other);
        Browserless phone = client();
        assertThat(location(signInThrough(phone, "testoauth"))).endsWith("/app");
        assertThat(Browserless.jsonField(phone.get("/api/v1/me").body(), "userId"))
                .isEqualTo(userId.toString());

        // someone else cannot link an identity that is already this person's
        SignedUp stranger = signUpAndVerify("Stranger Co");
        IDP.nextSignIn(other);
        HttpResponse<String> taken = linkThrough(stranger.session(), "testoauth");
        assertThat(location(taken)).endsWith("?error=taken");
        assertThat(identitiesOf(stranger.userId())).isZero();
        assertThat(stranger.session().get("/api/v1/me").statusCode())
                .as("the stranger stays signed in")
                .isEqualTo(200);
        assertThat(stranger.session()
                        .postForm("/settings/security/identities/" + first + "/unlink", Map.of())
                        .statusCode())
                .as("nobody unlinks another person's identity")
                .isEqualTo(404);
        assertThat(stranger.session()
                        .postForm("/settings/security/identities/not-an-id/unlink", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(location(stranger.session()
                        .postForm("/settings/security/identities/link", Map.of("provider", "no-such-provider"))))
                .endsWith("?error=provider");

        // with two links, one may go; the last may not
        assertThat(location(browser.postForm("/settings/security/identities/" + first + "/unlink", Map.of())))
                .endsWith("?unlinked");
        assertThat(identitiesOf(userId)).isEqualTo(1);
        assertThat(auditCount(tenant, "identity.unlinked")).isEqualTo(1);
        UUID second = asUser(
                userId,
                () -> jdbc.sql("select id from sso_identities where user_id = :u")
                        .param("u", userId)
                        .query(UUID.class)
                        .single());
        assertThat(location(browser.postForm("/settings/security/identities/" + second + "/unlink", Map.of())))
                .endsWith("?error=last-way");
        assertThat(identitiesOf(userId)).isEqualTo(1);
    }

    @Test
    void anUnverifiedAccountClaimedByAVerifiedProviderLosesTheSquattersPassword() {
        String email = uniqueEmail("squatted");
        HttpResponse<String> squat = client().postJson(
                        "/api/v1/signup",
                        "{\"company\":\"Squat Co\",\"name\":\"Squatter\",\"email\":\"%s\",\"password\":\"squatter pass 12345\"}"
                                .formatted(email));
        assertThat(squat.statusCode()).isEqualTo(201);
        IDP.nextSignIn(person(email, true));
        Browserless owner = client();
        assertThat(location(signInThrough(owner, "testidp"))).endsWith("/app");
        assertThat(account(email).orElseThrow()).containsEntry("verified", true).containsEntry("no_password", true);
        Browserless squatter = client();
        HttpResponse<String> tried =
                squatter.postForm("/login", Map.of("username", email, "password", "squatter pass 12345"));
        assertThat(location(tried)).contains("/login?error");
    }
}
