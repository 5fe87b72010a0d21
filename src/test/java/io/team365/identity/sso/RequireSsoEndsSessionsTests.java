package io.team365.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.TestOidcProvider;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * "Require single sign-on for members" switched on while members are signed in: their sessions that the Client's
 * own provider did not sign in end at their next request; owners keep theirs (break-glass), and sessions the
 * provider signed in carry on.
 */
class RequireSsoEndsSessionsTests extends SsoFlows {

    @Test
    void switchingTheRuleOnEndsMembersPasswordSessionsButNotOwnersOrTheProvidersOwn() {
        try (TestOidcProvider idp = TestOidcProvider.start("require-crm", "require-secret-value")) {
            SignedUp owner = signUpAndVerify("Require Later Co");
            Joined member = inviteAndJoin(owner, "member");
            Joined admin = inviteAndJoin(owner, "admin");
            Browserless memberApi = client();
            memberApi.signIn(member.email(), member.password());
            Browserless tokenClient = apiClient(member.session());
            assertThat(location(owner.session()
                            .postForm("/settings/client/sign-in", clientProviderForm(idp, false, false))))
                    .endsWith("?saved");

            // the member also signs in through the Client's provider in another browser
            idp.nextSignIn(person(member.email(), true));
            Browserless viaSso = client();
            assertThat(location(signInThrough(viaSso, "client-" + owner.tenantId())))
                    .endsWith("/app");
            for (Browserless browser : new Browserless[] {member.session(), memberApi, admin.session(), viaSso}) {
                assertThat(browser.get("/api/v1/me").statusCode())
                        .as("before the rule, every session works")
                        .isEqualTo(200);
            }

            assertThat(location(
                            owner.session().postForm("/settings/client/sign-in", clientProviderForm(idp, true, false))))
                    .endsWith("?saved");

            HttpResponse<String> page = member.session().page("/app");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(location(page)).endsWith("/login?sso=required");
            assertThat(member.session().page("/login?sso=required").body())
                    .contains("requires you to sign in through its own single sign-on");
            assertThat(member.session().get("/api/v1/me").statusCode())
                    .as("the session is over, not only refused once")
                    .isEqualTo(401);

            HttpResponse<String> api = memberApi.get("/api/v1/contacts");
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(api.body()).contains("single sign-on");
            assertThat(memberApi.get("/api/v1/me").statusCode()).isEqualTo(401);

            assertThat(location(admin.session().page("/settings/client")))
                    .as("admins are members for this rule")
                    .endsWith("/login?sso=required");

            assertThat(viaSso.get("/api/v1/me").statusCode())
                    .as("the provider's own session carries on")
                    .isEqualTo(200);
            assertThat(owner.session().get("/api/v1/me").statusCode())
                    .as("owners keep their password session (break-glass)")
                    .isEqualTo(200);
            assertThat(tokenClient.get("/api/v1/me").statusCode())
                    .as("personal API tokens are no sign-in: they keep working, revoking them is the admin's tool")
                    .isEqualTo(200);

            // switched off again, members may use their password once more
            assertThat(location(owner.session()
                            .postForm("/settings/client/sign-in", clientProviderForm(idp, false, false))))
                    .endsWith("?saved");
            Browserless back = client();
            back.signIn(member.email(), member.password());
            assertThat(back.get("/api/v1/me").statusCode()).isEqualTo(200);
        }
    }
}
