package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTests extends IntegrationTest {

    @Test
    void sessionsLiveInPostgresAndEndOnPasswordChange() {
        SignedUp owner = signUpAndVerify("Sessions Co");
        Browserless laptop = owner.session();
        Browserless phone = client();
        phone.signIn(owner.email(), owner.password());
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
                        .param(owner.userId().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        HttpResponse<String> wrongCurrent = laptop.postForm(
                "/settings/password", Map.of("currentPassword", "not it", "newPassword", "sturdy new bridge 12"));
        assertThat(wrongCurrent.statusCode()).isEqualTo(422);
        assertThat(wrongCurrent.body()).contains("current password is not correct");
        assertThat(phone.get("/api/v1/me").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = laptop.postForm(
                "/settings/password",
                Map.of("currentPassword", owner.password(), "newPassword", "sturdy new bridge 12"));
        assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/settings/password?saved");
        assertThat(laptop.get("/api/v1/me").statusCode())
                .as("the session that changed it goes on")
                .isEqualTo(200);
        assertThat(phone.get("/api/v1/me").statusCode())
                .as("every other session ends")
                .isEqualTo(401);
        assertThat(laptop.get("/api/v1/audit").body()).contains("user.password-changed");

        assertThat(laptop.postForm("/logout", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/login?signedOut");
        assertThat(laptop.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void tokensOpenTheApiButNoPagesAndNeverASession() {
        SignedUp owner = signUpAndVerify("Token Pages Co");
        Browserless api = apiClient(owner.session());
        HttpResponse<String> page = api.get("/settings/profile");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpResponse<String> post = api.postForm("/settings/profile", Map.of("name", "x"));
        assertThat(post.headers().firstValue("Location").orElse(""))
                .as("treated as anonymous")
                .endsWith("/login");
        assertThat(owner.session().get("/api/v1/me").body()).doesNotContain("\"name\":\"x\"");
        HttpResponse<String> apiCall = api.get("/api/v1/me");
        assertThat(apiCall.statusCode()).isEqualTo(200);
        assertThat(apiCall.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theNewPasswordMustDifferAndARemovedMemberIsToldWhy() {
        SignedUp owner = signUpAndVerify("Same Password Co");
        HttpResponse<String> same = owner.session()
                .postForm(
                        "/settings/password",
                        Map.of("currentPassword", owner.password(), "newPassword", owner.password()));
        assertThat(same.statusCode()).isEqualTo(422);
        assertThat(same.body()).contains("must differ");

        Joined member = inviteAndJoin(owner, "member");
        assertThat(owner.session().delete("/api/v1/members/" + member.userId()).statusCode())
                .isEqualTo(204);
        HttpResponse<String> signIn =
                client().postForm("/login", Map.of("username", member.email(), "password", member.password()));
        assertThat(signIn.headers().firstValue("Location").orElse("")).endsWith("/login?error=no-workspace");
        assertThat(client().page("/login?error=no-workspace").body()).contains("no longer belongs to any organisation");
        // the audit entry names the removed member by id; personal values stay out of audit details
        String audit = owner.session()
                .get("/api/v1/audit?filter[action]=member.removed")
                .body();
        assertThat(audit).contains("\"targetId\":\"" + member.userId() + "\"").doesNotContain(member.email());
    }

    @Test
    void reloadingAfterCreatingATokenDoesNotCreateAnother() {
        SignedUp owner = signUpAndVerify("Reload Co");
        HttpResponse<String> created = owner.session().postForm("/settings/tokens", Map.of("name", "Once"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from spring_session_attributes"
                                + " where position(convert_to('t365_', 'UTF8') in attribute_bytes) > 0")
                        .query(Integer.class)
                        .single())
                .as("the new token waits in the session only sealed, never in plaintext")
                .isZero();
        String shown = owner.session().page("/settings/tokens").body();
        assertThat(shown).contains("id=\"new-token\"");
        assertThat(owner.session().page("/settings/tokens").body())
                .as("shown once")
                .doesNotContain("id=\"new-token\"");
        assertThat(owner.session().get("/api/v1/me/tokens").body().split("\"name\":\"Once\"", -1))
                .hasSize(2);
    }

    @Test
    void aPersonInTwoClientsSwitchesBetweenThem() {
        SignedUp first = signUpAndVerify("First Org");
        SignedUp second = signUpAndVerify("Second Org");
        var invited = second.session()
                .postJson("/api/v1/invitations", "{\"email\":\"%s\",\"role\":\"admin\"}".formatted(first.email()));
        assertThat(invited.statusCode()).isEqualTo(201);
        String link = awaitLink(first.email(), "/invitations/accept?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        Browserless visitor = client();
        assertThat(visitor.get("/invitations/accept?token=" + token).body()).contains("already have a Team365 account");
        assertThat(visitor.postForm("/invitations/accept", Map.of("token", token, "password", "wrong"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(visitor.postForm("/invitations/accept", Map.of("token", token, "password", first.password()))
                        .statusCode())
                .isEqualTo(302);

        Browserless session = client();
        session.signIn(first.email(), first.password());
        String home = session.browse("/app").body();
        assertThat(home).contains("First Org").contains("Second Org");
        assertThat(session.get("/api/v1/me").body())
                .as("the Client just joined opens first")
                .contains(second.tenantId().toString())
                .contains("\"roles\":[\"admin\"]");
        assertThat(session.get("/api/v1/members").body()).contains(second.email());
        session.postForm("/switch-client", Map.of("tenantId", first.tenantId().toString()));
        assertThat(session.get("/api/v1/me").body())
                .contains(first.tenantId().toString())
                .contains("\"roles\":[\"owner\"]");
    }
}
