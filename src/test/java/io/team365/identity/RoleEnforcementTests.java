package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Roles on every route. The routes are read from Spring MVC's own mappings, so a route added later is checked
 * without editing this test: read-only users may change nothing but their own account, members may not
 * administer, and nobody anonymous gets past sign-in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleEnforcementTests extends IntegrationTest {

    /** Routes anyone may use, signed in or not. */
    private static final Set<String> PUBLIC = Set.of(
            "/",
            "/signup",
            "/login",
            "/forgot-password",
            "/reset-password",
            "/verify-email",
            "/verify-email/resend",
            "/invitations/accept",
            "/api/v1/signup",
            "/api/v1/password-resets",
            // the preference centre and one-click unsubscribe: the secret in the path is the credential
            "/preferences/{token}",
            "/unsubscribe/{token}",
            "/legal/privacy",
            "/legal/notices/{clientId}",
            "/error");

    /** Changes to one's own account, allowed to every role. */
    private static final Pattern SELF_SERVICE = Pattern.compile(
            "^/(settings/(profile|password|tokens|account|security)(/.*)?|api/v1/me(/.*)?|switch-client|logout|(api/v1/)?views(/.*)?)$");

    private static final Pattern ADMINISTRATION =
            Pattern.compile("^/(settings/(users|audit|fields|pipelines|teams|privacy)(/.*)?"
                    + "|api/v1/(members|invitations|audit|teams)(/.*)?|api/v1/privacy/requests/[^/]+/[^/]+"
                    + "|(api/v1/)?privacy/restrictions(/.*)?)$");

    /** Public pages behind a secret or a Client id, and the legal pages; their own tests check tokens and codes. */
    private static boolean isPublic(String path) {
        return PUBLIC.contains(path) || path.startsWith("/privacy/request/") || path.startsWith("/legal/");
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    SignedUp owner;
    Joined admin;
    Joined member;
    Joined readOnly;

    @BeforeAll
    void team() {
        owner = signUpAndVerify("Roles Corp");
        admin = inviteAndJoin(owner, "admin");
        member = inviteAndJoin(owner, "member");
        readOnly = inviteAndJoin(owner, "read-only");
    }

    @Test
    void theRouteListIsNotEmpty() {
        assertThat(routes())
                .extracting(Route::path)
                .contains("/api/v1/me/tokens", "/settings/users", "/api/v1/members/{userId}");
    }

    @Test
    void readOnlyUsersCannotChangeAnythingButTheirOwnAccount() {
        List<String> checked = new ArrayList<>();
        for (Route route : routes()) {
            if (route.method().equals("GET")
                    || isPublic(route.path())
                    || SELF_SERVICE.matcher(route.path()).matches()) {
                continue;
            }
            HttpResponse<String> response =
                    readOnly.session().send(route.method(), route.concretePath(), "application/json", "{}");
            assertThat(response.statusCode()).as(route + " as read-only").isEqualTo(403);
            checked.add(route.toString());
        }
        assertThat(checked).as("mutating routes checked").hasSizeGreaterThan(8);
    }

    @Test
    void membersCannotAdminister() {
        int checked = 0;
        for (Route route : routes()) {
            if (!ADMINISTRATION.matcher(route.path()).matches()) {
                continue;
            }
            HttpResponse<String> response =
                    member.session().send(route.method(), route.concretePath(), "application/json", "{}");
            assertThat(response.statusCode()).as(route + " as member").isEqualTo(403);
            checked++;
        }
        assertThat(checked).isGreaterThan(8);
        assertThat(admin.session().get("/settings/users").statusCode()).isEqualTo(200);
        assertThat(admin.session().get("/api/v1/audit").statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousRequestsNeedToSignIn() {
        Browserless anonymous = client();
        for (Route route : routes()) {
            if (isPublic(route.path())
                    || route.path().startsWith("/v3/")
                    || route.path().startsWith("/swagger")) {
                continue;
            }
            HttpResponse<String> response =
                    anonymous.send(route.method(), route.concretePath(), "application/json", "{}");
            if (route.path().startsWith("/api/")) {
                assertThat(response.statusCode())
                        .as(route + " anonymous: " + response.body())
                        .isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
            } else if (route.method().equals("GET")) {
                assertThat(response.statusCode()).as(route + " anonymous").isEqualTo(302);
                assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
            } else {
                assertThat(response.statusCode())
                        .as(route + " anonymous, without CSRF token")
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void readOnlyTokensAreReadOnlyToo() {
        Browserless api = apiClient(readOnly.session());
        assertThat(api.get("/api/v1/me").body()).contains("\"roles\":[\"read-only\"]");
        assertThat(api.postJson("/api/v1/invitations", "{\"email\":\"x@example.test\",\"role\":\"member\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> refused =
                api.postJson("/api/v1/invitations", "{\"email\":\"y@example.test\",\"role\":\"member\"}");
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":403");
    }

    @Test
    void theLastOwnerCannotBeDemotedOrRemovedAndAdminsCannotTouchOwners() {
        SignedUp solo = signUpAndVerify("Solo Owner Ltd");
        HttpResponse<String> demote =
                solo.session().patchJson("/api/v1/members/" + solo.userId(), "{\"role\":\"admin\"}");
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(demote.body()).contains("at least one owner").contains("\"field\":\"role\"");
        assertThat(solo.session().delete("/api/v1/members/" + solo.userId()).statusCode())
                .isEqualTo(409);
        assertThat(solo.session().get("/api/v1/me").body()).contains("\"roles\":[\"owner\"]");

        Joined soloAdmin = inviteAndJoin(solo, "admin");
        assertThat(soloAdmin
                        .session()
                        .patchJson("/api/v1/members/" + solo.userId(), "{\"role\":\"member\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(soloAdmin
                        .session()
                        .patchJson("/api/v1/members/" + soloAdmin.userId(), "{\"role\":\"owner\"}")
                        .statusCode())
                .as("admins cannot make owners")
                .isEqualTo(409);

        assertThat(solo.session()
                        .patchJson("/api/v1/members/" + soloAdmin.userId(), "{\"role\":\"owner\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(solo.session()
                        .patchJson("/api/v1/members/" + solo.userId(), "{\"role\":\"admin\"}")
                        .statusCode())
                .as("with a second owner, the first may step down")
                .isEqualTo(200);
        assertThat(soloAdmin.session().get("/api/v1/audit").body()).contains("member.role-changed");
        assertThat(soloAdmin
                        .session()
                        .get("/api/v1/audit?recordId=" + soloAdmin.userId())
                        .body())
                .contains("member.role-changed")
                .doesNotContain("client.created")
                .contains("\"nextCursor\":null");
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequest() {
        Joined demoted = inviteAndJoin(owner, "member");
        assertThat(demoted.session()
                        .postJson("/api/v1/me/tokens", "{\"name\":\"before\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(owner.session()
                        .patchJson("/api/v1/members/" + demoted.userId(), "{\"role\":\"read-only\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(demoted.session().get("/api/v1/me").body()).contains("\"roles\":[\"read-only\"]");
        assertThat(demoted.session()
                        .postForm("/settings/client", java.util.Map.of("name", "Hijacked"))
                        .statusCode())
                .isEqualTo(403);

        assertThat(owner.session().delete("/api/v1/members/" + demoted.userId()).statusCode())
                .isEqualTo(204);
        assertThat(demoted.session().get("/api/v1/me").statusCode())
                .as("removed: the session has ended")
                .isEqualTo(401);
    }

    record Route(String method, String path) {
        String concretePath() {
            // a variable restricted to alternatives ({collection:contacts|deals}) takes the first; others any id
            return path.replaceAll("\\{[^}:]+:([a-z]+)[^}]*}", "$1")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add(new Route("GET", path));
                    routes.add(new Route("POST", path));
                } else {
                    for (RequestMethod method : methods) {
                        routes.add(new Route(method.name(), path));
                    }
                }
            }
        });
        return routes.stream().distinct().toList();
    }
}
