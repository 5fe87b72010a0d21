package io.team365.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.TestOidcProvider;
import io.team365.support.TestOidcProvider.Trick;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Client's own OpenID Connect provider is held to the same rules as a platform provider (issue 7): a tampered
 * state or nonce, an expired or wrongly signed ID token and an unverified address are refused, signing nobody in
 * and linking nothing; a verified address links the Client's member.
 */
class ClientSsoRefusalTests extends SsoFlows {

    private static TestOidcProvider idp;

    @BeforeAll
    static void startProvider() {
        idp = TestOidcProvider.start("refusal-crm", "refusal-secret-value");
    }

    @AfterAll
    static void stopProvider() {
        idp.close();
    }

    /** A Client with its own provider (members may still use passwords) and a member who signs in with a password. */
    private record World(SignedUp owner, Joined member, String registrationId) {}

    private World world(String company) {
        SignedUp owner = signUpAndVerify(company);
        Joined member = inviteAndJoin(owner, "member");
        HttpResponse<String> saved =
                owner.session().postForm("/settings/client/sign-in", clientProviderForm(idp, false, false));
        assertThat(location(saved)).endsWith("/settings/client/sign-in?saved");
        return new World(owner, member, "client-" + owner.tenantId());
    }

    @Test
    void aTamperedStateIsRefused() {
        World world = world("Client Tampered State Co");
        TestOidcProvider.Person person = person(world.member().email(), true);
        idp.nextSignIn(person);
        Browserless browser = client();
        HttpResponse<String> refused = signInThrough(
                browser, world.registrationId(), callback -> callback.replaceFirst("state=[^&]+", "state=forged"));
        assertThat(location(refused)).endsWith("/login?sso=failed");
        assertNothingHappened(world, browser, person);
    }

    @Test
    void aWrongNonceAnExpiredAndAWronglySignedIdTokenAreRefused() {
        World world = world("Client Bad Tokens Co");
        for (Trick trick : new Trick[] {Trick.WRONG_NONCE, Trick.EXPIRED, Trick.WRONG_KEY}) {
            TestOidcProvider.Person person = person(world.member().email(), true);
            idp.nextSignIn(person, trick);
            Browserless browser = client();
            assertThat(location(signInThrough(browser, world.registrationId())))
                    .as(trick.name())
                    .endsWith("/login?sso=failed");
            assertNothingHappened(world, browser, person);
        }
        assertThat(auditCount(world.owner().tenantId(), "signin.sso")).isZero();
    }

    @Test
    void anUnverifiedEmailIsRefusedAndLinksNothing() {
        World world = world("Client Unverified Co");
        TestOidcProvider.Person claimsMember = person(world.member().email(), false);
        idp.nextSignIn(claimsMember);
        Browserless browser = client();
        assertThat(location(signInThrough(browser, world.registrationId()))).endsWith("/login?sso=unverified");
        assertNothingHappened(world, browser, claimsMember);

        // the claim left out altogether counts as unverified too
        TestOidcProvider.Person silent = person(world.member().email(), null);
        idp.nextSignIn(silent);
        Browserless other = client();
        assertThat(location(signInThrough(other, world.registrationId()))).endsWith("/login?sso=unverified");
        assertNothingHappened(world, other, silent);
    }

    @Test
    void aVerifiedEmailLinksTheClientsMember() {
        World world = world("Client Linked By Email Co");
        TestOidcProvider.Person person = person(world.member().email(), true);
        idp.nextSignIn(person);
        Browserless browser = client();
        assertThat(location(signInThrough(browser, world.registrationId()))).endsWith("/app");
        String me = browser.get("/api/v1/me").body();
        assertThat(Browserless.jsonField(me, "userId"))
                .isEqualTo(world.member().userId().toString());
        assertThat(Browserless.jsonField(me, "tenantId"))
                .isEqualTo(world.owner().tenantId().toString());
        assertThat(identitiesOf(world.member().userId())).isEqualTo(1);
        assertThat(identitiesWithSubject(world.registrationId(), idp.issuer(), person.subject()))
                .isEqualTo(1);
        assertThat(auditCount(world.owner().tenantId(), "identity.linked")).isEqualTo(1);
        assertThat(account(world.member().email()).orElseThrow())
                .as("the member keeps their password")
                .containsEntry("no_password", false);

        // the link signs the member in next time; nothing more is linked
        idp.nextSignIn(person);
        Browserless again = client();
        assertThat(location(signInThrough(again, world.registrationId()))).endsWith("/app");
        assertThat(Browserless.jsonField(again.get("/api/v1/me").body(), "userId"))
                .isEqualTo(world.member().userId().toString());
        assertThat(identitiesOf(world.member().userId())).isEqualTo(1);
    }

    private void assertNothingHappened(World world, Browserless browser, TestOidcProvider.Person person) {
        assertThat(browser.get("/api/v1/me").statusCode())
                .as("nobody signed in")
                .isEqualTo(401);
        assertThat(identitiesOf(world.member().userId())).as("nothing linked").isZero();
        assertThat(identitiesWithSubject(world.registrationId(), idp.issuer(), person.subject()))
                .isZero();
        assertThat(auditCount(world.owner().tenantId(), "identity.linked")).isZero();
        UUID tenant = world.owner().tenantId();
        assertThat(auditCount(tenant, "signin.sso")).isZero();
    }
}
