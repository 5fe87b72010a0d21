package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Step-up re-authentication before sensitive actions, and the list of signed-in sessions. */
class StepUpAndSessionsTests extends IntegrationTest {

    private static final Pattern END_FORM = Pattern.compile("/settings/security/sessions/([^/\"]+)/end");

    @Test
    void sensitiveActionsAskToConfirmAfterTenMinutes() {
        SignedUp owner = signUpAndVerify("Step Up Co");
        Browserless session = owner.session();
        try {
            assertThat(session.postForm("/settings/tokens", Map.of("name", "fresh"))
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .as("just signed in: no confirmation needed")
                    .endsWith("/settings/tokens");

            clock.advance(Duration.ofMinutes(11));
            HttpResponse<String> token = session.postForm("/settings/tokens", Map.of("name", "late"));
            assertThat(token.statusCode()).isEqualTo(303);
            assertThat(token.headers().firstValue("Location").orElse(""))
                    .endsWith("/settings/security/confirm?next=%2Fsettings%2Ftokens");
            assertThat(session.postJson("/api/v1/me/tokens", "{\"name\":\"late\"}")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(session.postForm(
                                    "/settings/password",
                                    Map.of("currentPassword", owner.password(), "newPassword", "another fine day 77"))
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .contains("/settings/security/confirm?next=%2Fsettings%2Fpassword");
            assertThat(session.postForm("/settings/account/download", Map.of())
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .contains("/settings/security/confirm?next=%2Fsettings%2Faccount");
            assertThat(session.postForm("/settings/security/totp/start", Map.of())
                            .statusCode())
                    .isEqualTo(303);
            assertThat(session.get("/api/v1/me/tokens").body())
                    .as("nothing was created while unconfirmed")
                    .doesNotContain("\"late\"");

            HttpResponse<String> page = session.get("/settings/security/confirm?next=/settings/tokens");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("autocomplete=\"current-password\"");
            assertThat(session.postForm("/settings/security/confirm", Map.of("next", "/settings/tokens"))
                            .statusCode())
                    .as("nothing entered")
                    .isEqualTo(422);
            assertThat(session.postForm(
                                    "/settings/security/confirm",
                                    Map.of("password", "not the password", "next", "/settings/tokens"))
                            .statusCode())
                    .isEqualTo(422);
            assertThat(session.postForm(
                                    "/settings/security/confirm", Map.of("code", "123456", "next", "/settings/tokens"))
                            .statusCode())
                    .as("a code without an authenticator")
                    .isEqualTo(422);
            HttpResponse<String> confirmed = session.postForm(
                    "/settings/security/confirm", Map.of("password", owner.password(), "next", "/settings/tokens"));
            assertThat(confirmed.headers().firstValue("Location").orElse("")).endsWith("/settings/tokens");
            assertThat(countInTenant(
                            owner.tenantId(),
                            "select count(*) from audit_events where action = 'identity.confirmed'"
                                    + " and details ->> 'factor' = 'password' and actor_id = ?",
                            owner.userId()))
                    .as("the confirmation is in the audit trail with what vouched for it")
                    .isEqualTo(1);
            assertThat(session.postForm("/settings/tokens", Map.of("name", "late"))
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/settings/tokens");
            assertThat(session.get("/api/v1/me/tokens").body()).contains("\"late\"");

            // API tokens are not asked (they cannot re-authenticate; each was made under step-up)
            Browserless api = apiClient(owner.session());
            clock.advance(Duration.ofMinutes(11));
            assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(200);
            assertThat(api.postJson("/api/v1/me/tokens", "{\"name\":\"by token\"}")
                            .statusCode())
                    .isEqualTo(201);
        } finally {
            clock.reset();
        }
    }

    @Test
    void everyMethodAndSpellingOfASensitivePathIsAsked() {
        SignedUp owner = signUpAndVerify("Step Up Spellings");
        Browserless session = owner.session();
        try {
            clock.advance(Duration.ofMinutes(11));
            HttpResponse<String> encoded = session.postForm("/settings/%74okens", Map.of("name", "encoded"));
            assertThat(encoded.statusCode())
                    .as("a percent-encoded letter routes to the same controller, so it is asked too")
                    .isEqualTo(303);
            assertThat(encoded.headers().firstValue("Location").orElse("")).contains("/settings/security/confirm");
            assertThat(session.send("PUT", "/settings/tokens", "application/x-www-form-urlencoded", "name=put")
                            .statusCode())
                    .as("any method that changes something, not only POST")
                    .isEqualTo(303);
            assertThat(session.delete("/settings/security/passkeys/" + UUID.randomUUID())
                            .statusCode())
                    .isEqualTo(303);
            HttpResponse<String> mfaRule = session.patchJson("/api/v1/client", "{\"mfaRequired\":true}");
            assertThat(mfaRule.statusCode()).as(mfaRule.body()).isEqualTo(403);
            assertThat(mfaRule.body()).contains("Confirm it is you first");
            assertThat(session.postForm("/settings/client/mfa", Map.of("mfaRequired", "false"))
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .contains("/settings/security/confirm?next=%2Fsettings%2Fclient");

            assertThat(session.get("/settings/tokens").statusCode())
                    .as("reading is never asked")
                    .isEqualTo(200);
            assertThat(session.get("/api/v1/me/tokens").body()).doesNotContain("encoded");
            assertThat(session.get("/api/v1/client").body()).contains("\"mfaRequired\":false");
        } finally {
            clock.reset();
        }
    }

    @Test
    void confirmingAnAuthenticatorSetUpLeftOpenNeedsARecentConfirmation() {
        SignedUp owner = signUpAndVerify("Open Setup Co");
        Browserless session = owner.session();
        try {
            // set up just after signing in, then left open at an unlocked screen
            assertThat(session.postForm("/settings/security/totp/start", Map.of())
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/settings/security/totp");
            String secret =
                    TotpCodes.secretOn(session.get("/settings/security/totp").body());
            clock.advance(Duration.ofMinutes(11));
            TotpCodes.toStartOfStep(clock);

            HttpResponse<String> late = session.postForm(
                    "/settings/security/totp/confirm", Map.of("code", TotpCodes.code(secret, clock.instant(), 0)));
            assertThat(late.statusCode())
                    .as("asked to confirm first, no recovery codes handed out")
                    .isEqualTo(303);
            assertThat(late.headers().firstValue("Location").orElse(""))
                    .endsWith("/settings/security/confirm?next=%2Fsettings%2Fsecurity%2Ftotp");
            assertThat(late.body()).doesNotContain("recovery");
            assertThat(countInTenant(
                            owner.tenantId(),
                            "select count(*) from audit_events where action = 'mfa.totp.enrolled' and actor_id = ?",
                            owner.userId()))
                    .isZero();
            assertThat(session.send("PUT", "/settings/security/totp/qr.svg", null, null)
                            .statusCode())
                    .as("every unsafe method under /settings/security/totp")
                    .isEqualTo(303);
            assertThat(session.get("/settings/security/totp").statusCode())
                    .as("looking at the set-up is not asked")
                    .isEqualTo(200);

            HttpResponse<String> confirmed = session.postForm(
                    "/settings/security/confirm",
                    Map.of("password", owner.password(), "next", "/settings/security/totp"));
            assertThat(confirmed.headers().firstValue("Location").orElse("")).endsWith("/settings/security/totp");
            HttpResponse<String> codes = session.postForm(
                    "/settings/security/totp/confirm", Map.of("code", TotpCodes.code(secret, clock.instant(), 0)));
            assertThat(codes.statusCode()).isEqualTo(200);
            assertThat(TotpCodes.recoveryCodesOn(codes.body())).hasSize(10);
        } finally {
            clock.reset();
        }
    }

    @Test
    void theConfirmationPageOnlyReturnsToPathsOfThisSite() {
        SignedUp owner = signUpAndVerify("Redirect Co");
        for (String next : List.of(
                "https://evil.example/steal",
                "//evil.example/x",
                "/\\evil.example",
                "http:/evil.example",
                "javascript:alert(1)",
                "/ok\r\nSet-Cookie: x=1",
                "")) {
            HttpResponse<String> response = owner.session()
                    .postForm("/settings/security/confirm", Map.of("password", owner.password(), "next", next));
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as("next=%s", next)
                    .endsWith("/settings/security")
                    .doesNotContain("evil");
        }
        assertThat(owner.session()
                        .postForm(
                                "/settings/security/confirm",
                                Map.of("password", owner.password(), "next", "/contacts?q=a"))
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/contacts?q=a");
        assertThat(owner.session()
                        .get("/settings/security/confirm?next=https://evil.example")
                        .body())
                .doesNotContain("evil.example");
    }

    @Test
    void listsSessionsWithTheirDeviceAndEndsThemByHandleNeverShowingASessionId() {
        SignedUp owner = signUpAndVerify("Sessions List Co");
        Browserless laptop = owner.session();
        Browserless phone = client();
        phone.signIn(owner.email(), owner.password());
        Browserless tablet = client();
        tablet.signIn(owner.email(), owner.password());
        List<Browserless> browsers = List.of(laptop, phone, tablet);

        HttpResponse<String> page = laptop.get("/settings/security");
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> handles =
                END_FORM.matcher(page.body()).results().map(m -> m.group(1)).toList();
        assertThat(handles).hasSize(3).doesNotHaveDuplicates().allMatch(h -> h.matches("[A-Za-z0-9_-]{43}"));
        for (Browserless browser : browsers) {
            String id = browser.sessionId();
            assertThat(page.body())
                    .as("a session id (the cookie's value) is nowhere in the page")
                    .doesNotContain(id)
                    .doesNotContain(cookieValue(id))
                    .doesNotContain(id.replace("-", ""));
        }
        assertThat(page.body())
                .contains("This session")
                .contains("Password")
                .contains("Program on unknown system")
                .as("the raw User-Agent is not shown")
                .doesNotContain("Java-http-client");
        String laptopHandle = handleOfCurrent(page.body());

        // a session's id is no handle; someone else's handle, or garbage, ends nothing
        assertThat(laptop.postForm("/settings/security/sessions/" + phone.sessionId() + "/end", Map.of())
                        .statusCode())
                .isEqualTo(404);
        SignedUp stranger = signUpAndVerify("Stranger Co");
        for (String handle : handles) {
            assertThat(stranger.session()
                            .postForm("/settings/security/sessions/" + handle + "/end", Map.of())
                            .statusCode())
                    .as("another person's handle")
                    .isEqualTo(404);
        }
        for (String garbage : List.of("not-a-session", "A".repeat(43), "x".repeat(300))) {
            assertThat(laptop.postForm("/settings/security/sessions/" + garbage + "/end", Map.of())
                            .statusCode())
                    .as(garbage)
                    .isEqualTo(404);
        }
        for (Browserless browser : browsers) {
            assertThat(browser.get("/api/v1/me").statusCode())
                    .as("nothing ended")
                    .isEqualTo(200);
        }
        assertThat(countInTenant(owner.tenantId(), "select count(*) from audit_events where action = 'session.ended'"))
                .isZero();

        // one of the other two (the page does not say which device is which here: both are the same client)
        String phoneHandle = handles.stream()
                .filter(h -> !h.equals(laptopHandle))
                .findFirst()
                .orElseThrow();
        assertThat(laptop.postForm("/settings/security/sessions/" + phoneHandle + "/end", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/settings/security?ended");
        Browserless ended = phone.get("/api/v1/me").statusCode() == 401 ? phone : tablet;
        Browserless kept = ended == phone ? tablet : phone;
        assertThat(ended.get("/api/v1/me").statusCode())
                .as("the ended session is signed out")
                .isEqualTo(401);
        assertThat(ended.get("/app").headers().firstValue("Location").orElse(""))
                .endsWith("/login");
        assertThat(kept.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(laptop.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(laptop.postForm("/settings/security/sessions/" + phoneHandle + "/end", Map.of())
                        .statusCode())
                .as("an ended session's handle names nothing any more")
                .isEqualTo(404);

        laptop.postForm("/settings/security/sessions/end-others", Map.of());
        assertThat(kept.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(laptop.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(END_FORM.matcher(laptop.get("/settings/security").body())
                        .results()
                        .map(m -> m.group(1))
                        .toList())
                .containsExactly(laptopHandle);
        String audit = laptop.get("/api/v1/audit?limit=100").body();
        assertThat(audit).contains("session.ended");

        // ending this session signs it out
        assertThat(laptop.postForm("/settings/security/sessions/" + laptopHandle + "/end", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/login?signedOut");
        assertThat(laptop.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    /** The handle in the row marked "This session". */
    private static String handleOfCurrent(String page) {
        Matcher row = Pattern.compile("This session.*?/settings/security/sessions/([^/\"]+)/end", Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).as("a row for this session").isTrue();
        return row.group(1);
    }

    /** The session id as the cookie carries it (base64, as Spring Session writes it). */
    private static String cookieValue(String sessionId) {
        return Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
    }
}
