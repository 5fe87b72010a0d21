package io.team365.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.PasskeyDevice;
import io.team365.support.TestOidcProvider;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Whoever runs a Client's own provider can sign that Client's members in: a session it signed in works in that
 * Client and nowhere else, cannot change how the person signs in, and an address it vouched for is not proven for
 * anyone else. A plain single sign-on, which the provider may grant from a session of its own without asking
 * anything, is not a confirmation for sensitive actions.
 */
class OwnProviderSessionTests extends SsoFlows {

    @Test
    void aClientsProviderSignsAMemberInThereButCannotTakeTheAccountOver() {
        try (TestOidcProvider idp = TestOidcProvider.start("rogue-crm", "rogue-secret-value")) {
            SignedUp victim = signUpAndVerify("Victim Own Co");
            SignedUp attacker = signUpAndVerify("Rogue Provider Co");
            configure(attacker, idp, false);
            Joined member = joinAsExistingAccount(attacker, victim);

            idp.nextSignIn(person(member.email(), true));
            Browserless rogue = client();
            assertThat(location(signInThrough(rogue, "client-" + attacker.tenantId())))
                    .as("the provider vouches for its member in its own Client")
                    .endsWith("/app");
            assertThat(Browserless.jsonField(rogue.get("/api/v1/me").body(), "userId"))
                    .isEqualTo(victim.userId().toString());

            // nothing that belongs to the person, rather than to this Client, can be changed from that session
            HttpResponse<String> passkey = new PasskeyDevice(port).register(rogue, "Rogue key");
            assertThat(passkey.statusCode()).isEqualTo(303);
            assertThat(location(passkey)).endsWith("/settings/security?own-provider");
            assertThat(location(rogue.postForm("/settings/security/identities/link", Map.of("provider", "testidp"))))
                    .endsWith("/settings/security?own-provider");
            assertThat(location(rogue.postForm("/settings/security/totp/start", Map.of())))
                    .endsWith("/settings/security?own-provider");
            assertThat(location(rogue.postForm(
                            "/settings/password", Map.of("currentPassword", "", "newPassword", "taken over 12345"))))
                    .endsWith("/settings/security?own-provider");
            assertThat(location(rogue.postForm("/settings/account/close", Map.of())))
                    .endsWith("/settings/security?own-provider");
            assertThat(location(rogue.postForm("/settings/security/sessions/end-others", Map.of())))
                    .as("ending sessions only takes access away: allowed")
                    .endsWith("/settings/security?ended");
            assertThat(rogue.page("/settings/security?own-provider").body())
                    .contains("You signed in through your organisation's single sign-on");
            assertThat(asUser(
                            victim.userId(),
                            () -> jdbc.sql("select (select count(*) from passkey_credentials"
                                            + " where user_id = :u) + (select count(*) from user_totp where user_id = :u)"
                                            + " + (select count(*) from sso_identities where user_id = :u"
                                            + " and registration_id = 'testidp')")
                                    .param("u", victim.userId())
                                    .query(Long.class)
                                    .single()))
                    .as("no passkey, app or link was added to the person")
                    .isZero();
            assertThat(rogue.postForm(
                                    "/switch-client",
                                    Map.of("tenantId", victim.tenantId().toString()))
                            .statusCode())
                    .as("and the person's own Client stays shut")
                    .isEqualTo(404);
            assertThat(Browserless.jsonField(rogue.get("/api/v1/me").body(), "tenantId"))
                    .isEqualTo(attacker.tenantId().toString());

            // the person's own sign-in still works as before, and is not limited
            Browserless own = client();
            own.signIn(victim.email(), victim.password());
            assertThat(location(own.postForm("/settings/security/totp/start", Map.of())))
                    .endsWith("/settings/security/totp");
        }
    }

    @Test
    void anotherSignInInTheSameBrowserIsNoLongerTheProvidersSession() {
        try (TestOidcProvider idp = TestOidcProvider.start("shared-crm", "shared-secret-value")) {
            SignedUp owner = signUpAndVerify("Shared Browser Co");
            configure(owner, idp, false);
            Joined member = inviteAndJoin(owner, "member");
            Browserless shared = client();
            idp.nextSignIn(person(member.email(), true));
            assertThat(location(signInThrough(shared, "client-" + owner.tenantId())))
                    .endsWith("/app");

            shared.signIn(owner.email(), owner.password());
            assertThat(location(shared.postForm("/settings/security/totp/start", Map.of())))
                    .as("a password sign-in drops the provider's mark")
                    .endsWith("/settings/security/totp");

            // the provider's word never makes anyone an owner: an admin who runs it could take the Client over
            idp.nextSignIn(person(owner.email(), true));
            Browserless asOwner = client();
            assertThat(location(signInThrough(asOwner, "client-" + owner.tenantId())))
                    .endsWith("/app");
            assertThat(asOwner.get("/api/v1/me").body()).contains("\"roles\":[\"admin\"]");
            assertThat(asOwner.patchJson("/api/v1/members/" + member.userId(), "{\"role\":\"owner\"}")
                            .statusCode())
                    .as("no owner-only action")
                    .isIn(403, 409, 422);
            Browserless ownSignIn = client();
            ownSignIn.signIn(owner.email(), owner.password());
            assertThat(ownSignIn.get("/api/v1/me").body()).contains("\"roles\":[\"owner\"]");
        }
    }

    @Test
    void aClientThatRequiresTwoFactorsLeavesThemToItsOwnProvider() {
        try (TestOidcProvider idp = TestOidcProvider.start("mfa-crm", "mfa-secret-value")) {
            SignedUp owner = signUpAndVerify("Provider MFA Co");
            configure(owner, idp, false);
            Joined member = inviteAndJoin(owner, "member");
            assertThat(new PasskeyDevice(port)
                            .register(owner.session(), "Owner key")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(owner.session()
                            .patchJson("/api/v1/client", "{\"mfaRequired\":true}")
                            .statusCode())
                    .isEqualTo(200);
            try {
                idp.nextSignIn(person(member.email(), true));
                Browserless viaProvider = client();
                assertThat(location(signInThrough(viaProvider, "client-" + owner.tenantId())))
                        .as("not sent to enrol a factor on the provider's word")
                        .endsWith("/app");
                assertThat(viaProvider.page("/contacts").statusCode()).isEqualTo(200);

                HttpResponse<String> password =
                        client().postForm("/login", Map.of("username", member.email(), "password", member.password()));
                assertThat(location(password))
                        .as("the member's own password still owes the Client's second factor")
                        .endsWith("/login/second-factor/enrol");
            } finally {
                owner.session().patchJson("/api/v1/client", "{\"mfaRequired\":false}");
            }
        }
    }

    @Test
    void anAddressAClientsProviderVouchedForIsNotProvenUntilItsOwnerProvesIt() {
        try (TestOidcProvider idp = TestOidcProvider.start("join-crm", "join-secret-value")) {
            SignedUp owner = signUpAndVerify("Joining Provider Co");
            configure(owner, idp, true);
            String email = uniqueEmail("pre-made");
            idp.nextSignIn(person(email, true));
            Browserless joined = client();
            assertThat(location(signInThrough(joined, "client-" + owner.tenantId())))
                    .endsWith("/app");
            Map<String, Object> made = account(email).orElseThrow();
            assertThat(made).containsEntry("verified", false);
            UUID userId = (UUID) made.get("id");
            assertThat(clientLinks(userId)).isEqualTo(1);

            // the address's owner signs in with a platform provider that verified it: the account becomes theirs,
            // and the link the Client's provider made goes
            TestOidcProvider.PLATFORM.nextSignIn(person(email, true));
            Browserless realOwner = client();
            assertThat(location(signInThrough(realOwner, "testidp"))).endsWith("/app");
            assertThat(account(email).orElseThrow()).containsEntry("verified", true);
            assertThat(clientLinks(userId)).isZero();
            assertThat(identitiesOf(userId)).isEqualTo(1);
            assertThat(countInTenant(
                            owner.tenantId(),
                            "select count(*) from audit_events where action = 'identity.unlinked'"
                                    + " and details ->> 'via' = 'address-proven' and target_id = ?",
                            userId.toString()))
                    .as("the unlink is in the trail of the Client whose provider made the link")
                    .isEqualTo(1);
        }
    }

    @Test
    void aPlainSingleSignOnIsNoConfirmationButAFreshOneIs() {
        String email = uniqueEmail("sso-plain");
        TestOidcProvider.Person person = person(email, true);
        Browserless first = client();
        TestOidcProvider.PLATFORM.nextSignIn(person);
        assertThat(location(signInThrough(first, "testidp"))).endsWith("/signup/sso");
        assertThat(location(first.postForm("/signup/sso", Map.of("company", "Plain SSO Co", "name", "Pat Plain"))))
                .endsWith("/app");

        // the provider let the person in from a session of its own, an hour old: no confirmation for step-up
        Browserless stale = client();
        TestOidcProvider.PLATFORM.nextSignIn(person, TestOidcProvider.Trick.OLD_SIGN_IN);
        assertThat(location(signInThrough(stale, "testidp"))).endsWith("/app");
        assertThat(location(stale.postForm("/settings/tokens", Map.of("name", "stale"))))
                .endsWith("/settings/security/confirm?next=%2Fsettings%2Ftokens");

        // a provider that asked for the person's credentials just now is one
        Browserless fresh = client();
        TestOidcProvider.PLATFORM.nextSignIn(person);
        assertThat(location(signInThrough(fresh, "testidp"))).endsWith("/app");
        assertThat(location(fresh.postForm("/settings/tokens", Map.of("name", "fresh"))))
                .endsWith("/settings/tokens");
    }

    private void configure(SignedUp owner, TestOidcProvider idp, boolean allowJoin) {
        assertThat(location(owner.session()
                        .postForm("/settings/client/sign-in", clientProviderForm(idp, false, allowJoin))))
                .endsWith("/settings/client/sign-in?saved");
    }

    /** The attacker invites the victim's existing account, and the victim accepts with their password. */
    private Joined joinAsExistingAccount(SignedUp inviter, SignedUp invitee) {
        assertThat(inviter.session()
                        .postJson(
                                "/api/v1/invitations",
                                "{\"email\":\"%s\",\"role\":\"member\"}".formatted(invitee.email()))
                        .statusCode())
                .isEqualTo(201);
        String link = awaitLink(invitee.email(), "/invitations/accept?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(client().postForm("/invitations/accept", Map.of("token", token, "password", invitee.password()))
                        .statusCode())
                .isEqualTo(302);
        return new Joined(invitee.session(), invitee.email(), invitee.password(), invitee.userId());
    }

    private long clientLinks(UUID userId) {
        return asUser(
                userId,
                () -> jdbc.sql(
                                "select count(*) from sso_identities where user_id = :u and registration_id like 'client-%'")
                        .param("u", userId)
                        .query(Long.class)
                        .single());
    }
}
