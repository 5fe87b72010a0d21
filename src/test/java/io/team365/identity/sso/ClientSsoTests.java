package io.team365.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.TestOidcProvider;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A Client's own OpenID Connect provider: discovery on save, the sealed secret, and "require SSO for members". */
class ClientSsoTests extends SsoFlows {

    @Test
    void aClientsProviderIsDiscoveredSealedAndCanBeRequired() {
        try (TestOidcProvider idp = TestOidcProvider.start("acme-crm", "acme-very-secret-value")) {
            SignedUp owner = signUpAndVerify("Own Provider Co");
            Joined member = inviteAndJoin(owner, "member");
            Browserless admin = owner.session();
            assertThat(admin.page("/settings/client/sign-in").body())
                    .contains("/login/oauth2/code/client-" + owner.tenantId());
            assertThat(member.session().page("/settings/client/sign-in").statusCode())
                    .as("admins only")
                    .isEqualTo(403);

            // bad input on every field; nothing saved
            Map<String, String> unreachable = clientProviderForm(idp, false, false);
            unreachable.put("issuer", "http://127.0.0.1:1");
            HttpResponse<String> failed = admin.postForm("/settings/client/sign-in", unreachable);
            assertThat(failed.statusCode()).isEqualTo(422);
            assertThat(failed.body()).contains("could not read this issuer");
            Map<String, String> notUrl = clientProviderForm(idp, false, false);
            notUrl.put("issuer", "ftp://example.test");
            notUrl.put("clientId", "");
            HttpResponse<String> invalid = admin.postForm("/settings/client/sign-in", notUrl);
            assertThat(invalid.statusCode()).isEqualTo(422);
            assertThat(invalid.body()).contains("issuer address");
            Map<String, String> wrongIssuer = clientProviderForm(idp, false, false);
            wrongIssuer.put("issuer", idp.issuer().replace("127.0.0.1", "localhost"));
            assertThat(admin.postForm("/settings/client/sign-in", wrongIssuer).body())
                    .contains("names a different issuer");
            assertThat(inTenant(
                            owner.tenantId(),
                            () -> jdbc.sql("select count(*) from sso_client_providers")
                                    .query(Long.class)
                                    .single()))
                    .isZero();

            assertThat(location(admin.postForm("/settings/client/sign-in", clientProviderForm(idp, false, false))))
                    .endsWith("/settings/client/sign-in?saved");
            Map<String, Object> stored = inTenant(
                    owner.tenantId(),
                    () -> jdbc.sql("select issuer, token_uri, length(client_secret) as secret_length,"
                                    + " position(convert_to(:s, 'UTF8') in client_secret) as clear_at"
                                    + " from sso_client_providers")
                            .param("s", idp.clientSecret())
                            .query()
                            .singleRow());
            assertThat(stored)
                    .containsEntry("issuer", idp.issuer())
                    .containsEntry("token_uri", idp.issuer() + "/token")
                    .containsEntry("clear_at", 0);
            assertThat(((Number) stored.get("secret_length")).intValue())
                    .isGreaterThan(idp.clientSecret().length());

            // the member signs in through the Client's provider, found by their work email
            TestOidcProvider.Person memberAtIdp = person(member.email(), true);
            idp.nextSignIn(memberAtIdp);
            Browserless memberBrowser = client();
            HttpResponse<String> found = memberBrowser.postForm("/login/sso", Map.of("email", member.email()));
            assertThat(location(found)).endsWith("/oauth2/authorization/client-" + owner.tenantId());
            assertThat(location(follow(memberBrowser, memberBrowser.get(URIPath.of(location(found))), c -> c)))
                    .endsWith("/app");
            String me = memberBrowser.get("/api/v1/me").body();
            assertThat(Browserless.jsonField(me, "userId"))
                    .isEqualTo(member.userId().toString());
            assertThat(Browserless.jsonField(me, "tenantId"))
                    .isEqualTo(owner.tenantId().toString());
            assertThat(identitiesOf(member.userId())).isEqualTo(1);
            assertThat(memberBrowser
                            .postForm("/login/sso", Map.of("email", uniqueEmail("nobody")))
                            .statusCode())
                    .isEqualTo(422);

            // require SSO: members' passwords no longer open this Client; owners keep theirs (break-glass)
            assertThat(location(admin.postForm("/settings/client/sign-in", clientProviderForm(idp, true, false))))
                    .endsWith("?saved");
            assertThat(auditCount(owner.tenantId(), "client.sso.required")).isEqualTo(1);
            assertThat(inTenant(
                            owner.tenantId(),
                            () -> jdbc.sql("select count(*) from sso_client_providers"
                                            + " where position(convert_to(:s, 'UTF8') in client_secret) = 0")
                                    .param("s", idp.clientSecret())
                                    .query(Long.class)
                                    .single()))
                    .as("saved again with the secret: still sealed")
                    .isEqualTo(1);
            HttpResponse<String> refused =
                    client().postForm("/login", Map.of("username", member.email(), "password", member.password()));
            assertThat(location(refused)).endsWith("/login?sso=required");
            client().signIn(owner.email(), owner.password());

            // ...but the Client's own provider still does
            idp.nextSignIn(memberAtIdp);
            Browserless viaSso = client();
            assertThat(location(signInThrough(viaSso, "client-" + owner.tenantId())))
                    .endsWith("/app");
            assertThat(Browserless.jsonField(viaSso.get("/api/v1/me").body(), "tenantId"))
                    .isEqualTo(owner.tenantId().toString());

            // a platform provider is "another way in" too: refused for the member
            TestOidcProvider.PLATFORM.nextSignIn(person(member.email(), true));
            assertThat(location(signInThrough(client(), "testidp"))).endsWith("/login?sso=sso-required");

            // the admin's shared link leads to the provider; a Client without one back to the email form
            assertThat(location(client().get("/login/sso/" + owner.tenantId())))
                    .endsWith("/oauth2/authorization/client-" + owner.tenantId());
            assertThat(location(client().get("/login/sso/" + UUID.randomUUID())))
                    .endsWith("/login/sso");
            assertThat(location(client().get("/login/sso/not-a-uuid"))).endsWith("/login/sso");
        }
    }

    @Test
    void aClientsProviderVouchesOnlyForItsOwnMembersUnlessJoiningIsAllowed() {
        try (TestOidcProvider idp = TestOidcProvider.start("other-crm", "other-secret-value")) {
            SignedUp owner = signUpAndVerify("Careful Provider Co");
            SignedUp outsider = signUpAndVerify("Someone Else Co");
            owner.session().postForm("/settings/client/sign-in", clientProviderForm(idp, false, false));

            // the Client's provider claims an outsider's verified address: no link, no sign-in
            idp.nextSignIn(person(outsider.email(), true));
            Browserless attacker = client();
            assertThat(location(signInThrough(attacker, "client-" + owner.tenantId())))
                    .endsWith("/login?sso=not-member");
            assertThat(attacker.get("/api/v1/me").statusCode()).isEqualTo(401);
            assertThat(identitiesOf(outsider.userId())).isZero();

            // a new address is refused too, until the admin lets people join
            String newcomer = uniqueEmail("newcomer");
            idp.nextSignIn(person(newcomer, true));
            assertThat(location(signInThrough(client(), "client-" + owner.tenantId())))
                    .endsWith("/login?sso=not-member");
            assertThat(account(newcomer)).isEmpty();

            owner.session().postForm("/settings/client/sign-in", clientProviderForm(idp, false, true));
            // letting people join never lets the provider adopt an existing account
            idp.nextSignIn(person(outsider.email(), true));
            Browserless takeover = client();
            assertThat(location(signInThrough(takeover, "client-" + owner.tenantId())))
                    .endsWith("/login?sso=not-member");
            assertThat(takeover.get("/api/v1/me").statusCode()).isEqualTo(401);
            assertThat(identitiesOf(outsider.userId())).isZero();
            idp.nextSignIn(person(newcomer, false));
            assertThat(location(signInThrough(client(), "client-" + owner.tenantId())))
                    .as("joining needs a verified address")
                    .endsWith("/login?sso=unverified");
            idp.nextSignIn(person(newcomer, true));
            Browserless joined = client();
            assertThat(location(signInThrough(joined, "client-" + owner.tenantId())))
                    .endsWith("/app");
            String me = joined.get("/api/v1/me").body();
            assertThat(Browserless.jsonField(me, "tenantId"))
                    .isEqualTo(owner.tenantId().toString());
            assertThat(me).contains("\"roles\":[\"member\"]");
            assertThat(account(newcomer).orElseThrow()).containsEntry("no_password", true);

            // an expired ID token from the Client's provider is refused like any other
            idp.nextSignIn(person(newcomer, true), TestOidcProvider.Trick.EXPIRED);
            assertThat(location(signInThrough(client(), "client-" + owner.tenantId())))
                    .endsWith("/login?sso=failed");
        }
    }

    /** The path and query of an absolute or relative address. */
    private static final class URIPath {
        static String of(String location) {
            java.net.URI uri = java.net.URI.create(location);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }
}
