package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** TOTP enrolment and sign-in with a second factor, recovery codes, and a Client that requires two factors. */
class TwoFactorTests extends IntegrationTest {

    /** An enrolled person: their secret (as an authenticator app holds it) and recovery codes. */
    @Test
    void enrolsWithAQrCodeAndAFirstCodeThenSignsInWithTheSecondFactor() throws Exception {
        SignedUp owner = signUpAndVerify("Totp Co");
        Browserless session = owner.session();
        try {
            assertThat(session.get("/settings/security").body()).contains("Set up an authenticator app");
            assertThat(session.postForm("/settings/security/totp/start", Map.of())
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/settings/security/totp");
            HttpResponse<String> setup = session.get("/settings/security/totp");
            String secret = TotpCodes.secretOn(setup.body());
            assertThat(TotpCodes.decode(secret)).hasSize(20);
            HttpResponse<String> qr = session.get("/settings/security/totp/qr.svg");
            assertThat(qr.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
            assertThat(qr.body()).startsWith("<svg").contains("<path").doesNotContain("<script");

            // bad input and a wrong code change nothing
            for (String bad : new String[] {"", "abcdef", "12345", "1234567890"}) {
                HttpResponse<String> refused = session.postForm("/settings/security/totp/confirm", Map.of("code", bad));
                assertThat(refused.statusCode()).as("code '%s'", bad).isEqualTo(422);
            }
            TotpCodes.toStartOfStep(clock);
            String wrong = TotpCodes.code(secret, clock.instant(), 5);
            HttpResponse<String> wrongCode = session.postForm("/settings/security/totp/confirm", Map.of("code", wrong));
            assertThat(wrongCode.statusCode()).isEqualTo(422);
            assertThat(wrongCode.body()).contains("That code is not right");
            assertThat(confirmedAt(owner.userId())).as("still not enrolled").isFalse();

            String first = TotpCodes.code(secret, clock.instant(), 0);
            HttpResponse<String> confirmed = session.postForm("/settings/security/totp/confirm", Map.of("code", first));
            assertThat(confirmed.statusCode()).isEqualTo(200);
            List<String> codes = TotpCodes.recoveryCodesOn(confirmed.body());
            assertThat(codes).hasSize(10).doesNotHaveDuplicates();
            assertThat(confirmedAt(owner.userId())).isTrue();

            // at the SQL level: the secret is sealed, the recovery codes are hashes
            byte[] sealed = asUser(
                    owner.userId(),
                    () -> jdbc.sql("select sealed_secret from user_totp where user_id = ?")
                            .param(owner.userId())
                            .query(byte[].class)
                            .single());
            byte[] raw = TotpCodes.decode(secret);
            assertThat(indexOf(sealed, raw)).as("raw secret bytes in the row").isEqualTo(-1);
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
            List<String> hashes = asUser(
                    owner.userId(),
                    () -> jdbc.sql("select code_hash from user_recovery_codes where user_id = ? and used_at is null")
                            .param(owner.userId())
                            .query(String.class)
                            .list());
            assertThat(hashes)
                    .hasSize(10)
                    .containsAll(codes.stream().map(TwoFactorTests::sha256).toList());
            assertThat(hashes).doesNotContainAnyElementsOf(codes);

            // a new sign-in now stops at the second factor; the code used for enrolment cannot be used again
            Browserless phone = client();
            HttpResponse<String> password =
                    phone.postForm("/login", Map.of("username", owner.email(), "password", owner.password()));
            assertThat(password.headers().firstValue("Location").orElse("")).endsWith("/login/second-factor");
            HttpResponse<String> page = phone.get("/login/second-factor");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("autocomplete=\"one-time-code\"")
                    .contains("inputmode=\"numeric\"")
                    .contains("autofocus");
            HttpResponse<String> replay = phone.postForm("/login/second-factor", Map.of("code", first));
            assertThat(replay.statusCode()).as("a replayed code").isEqualTo(422);
            assertThat(phone.postForm("/login/second-factor", Map.of("code", ""))
                            .statusCode())
                    .isEqualTo(422);
            assertThat(phone.postForm("/login/second-factor", Map.of("code", wrong))
                            .statusCode())
                    .isEqualTo(422);
            assertThat(phone.get("/api/v1/me").statusCode()).isEqualTo(401);

            clock.advance(java.time.Duration.ofSeconds(30));
            String sessionBefore = sessionCookie(phone);
            HttpResponse<String> passed =
                    phone.postForm("/login/second-factor", Map.of("code", TotpCodes.code(secret, clock.instant(), 0)));
            assertThat(passed.statusCode()).isEqualTo(302);
            assertThat(passed.headers().firstValue("Location").orElse("")).endsWith("/app");
            assertThat(phone.get("/api/v1/me").statusCode()).isEqualTo(200);
            assertThat(sessionCookie(phone))
                    .as("a new session id on completion")
                    .isNotEqualTo(sessionBefore);
            String audit = session.get("/api/v1/audit?limit=100").body();
            assertThat(audit).contains("mfa.totp.enrolled").contains("signin.second-factor");
        } finally {
            clock.reset();
        }
    }

    @Test
    void acceptsCodesOneStepOffAndRefusesTwoStepsOff() {
        SignedUp owner = signUpAndVerify("Skew Co");
        try {
            TotpCodes.Enrolled enrolled = enrol(owner.session());
            clock.advance(java.time.Duration.ofMinutes(5));
            TotpCodes.toStartOfStep(clock);
            Browserless first = pending(owner);
            for (int offset : new int[] {-2, 2}) {
                assertThat(first.postForm(
                                        "/login/second-factor",
                                        Map.of("code", TotpCodes.code(enrolled.secret(), clock.instant(), offset)))
                                .statusCode())
                        .as("%d steps off", offset)
                        .isEqualTo(422);
            }
            assertThat(first.postForm(
                                    "/login/second-factor",
                                    Map.of("code", TotpCodes.code(enrolled.secret(), clock.instant(), -1)))
                            .statusCode())
                    .as("one step behind")
                    .isEqualTo(302);
            Browserless second = pending(owner);
            assertThat(second.postForm(
                                    "/login/second-factor",
                                    Map.of("code", TotpCodes.code(enrolled.secret(), clock.instant(), 1)))
                            .statusCode())
                    .as("one step ahead")
                    .isEqualTo(302);
            Browserless third = pending(owner);
            assertThat(third.postForm(
                                    "/login/second-factor",
                                    Map.of("code", TotpCodes.code(enrolled.secret(), clock.instant(), 0)))
                            .statusCode())
                    .as("a step older than the last one used")
                    .isEqualTo(422);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aRecoveryCodeWorksOnceAndWrongCodesAreThrottled() {
        SignedUp owner = signUpAndVerify("Recovery Co");
        try {
            TotpCodes.Enrolled enrolled = enrol(owner.session());
            String code = enrolled.recoveryCodes().get(3);

            Browserless lostPhone = pending(owner);
            assertThat(lostPhone.get("/login/second-factor?recovery").body()).contains("recoveryCode");
            assertThat(lostPhone
                            .postForm("/login/second-factor", Map.of("recoveryCode", "not-a-code"))
                            .statusCode())
                    .isEqualTo(422);
            HttpResponse<String> used = lostPhone.postForm(
                    "/login/second-factor",
                    Map.of("recoveryCode", code.toUpperCase().replace("-", " ")));
            assertThat(used.headers().firstValue("Location").orElse("")).endsWith("/settings/security?recoveryUsed");
            assertThat(lostPhone.get("/settings/security?recoveryUsed").body()).contains("9 codes are left");
            assertThat(asUser(
                            owner.userId(),
                            () -> jdbc.sql(
                                            "select count(*) from user_recovery_codes where user_id = ? and used_at is not null")
                                    .param(owner.userId())
                                    .query(Integer.class)
                                    .single()))
                    .isEqualTo(1);

            Browserless again = pending(owner);
            assertThat(again.postForm("/login/second-factor", Map.of("recoveryCode", code))
                            .statusCode())
                    .as("used once only")
                    .isEqualTo(422);
            assertThat(owner.session().get("/api/v1/audit?limit=100").body()).contains("mfa.recovery.used");

            // five wrong codes (the used recovery code and four more): the next is refused even with a right code
            for (int i = 0; i < 4; i++) {
                again.postForm("/login/second-factor", Map.of("code", "000000"));
            }
            HttpResponse<String> throttled = again.postForm(
                    "/login/second-factor",
                    Map.of("recoveryCode", enrolled.recoveryCodes().get(0)));
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.body()).contains("Too many wrong codes");
            assertThat(again.get("/api/v1/me").statusCode()).isEqualTo(401);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aPendingSessionReachesNothingAndCannotSkipTheSecondFactor() {
        SignedUp owner = signUpAndVerify("Pending Co");
        try {
            enrol(owner.session());
            Browserless pending = pending(owner);
            String sessionId = jdbc
                    .sql("select session_id from spring_session where principal_name is null"
                            + " and primary_id in (select session_primary_id from spring_session_attributes"
                            + " where attribute_name like '%SignInCompletion.pending')")
                    .query(String.class)
                    .list()
                    .stream()
                    .filter(id -> id.equals(sessionCookie(pending)))
                    .findFirst()
                    .orElse(null);
            assertThat(sessionId)
                    .as("the pending session is stored without a principal")
                    .isNotNull();
            assertThat(jdbc.sql("select count(*) from spring_session_attributes a join spring_session s"
                                    + " on s.primary_id = a.session_primary_id where s.session_id = ?"
                                    + " and a.attribute_name = 'SPRING_SECURITY_CONTEXT'")
                            .param(sessionId)
                            .query(Integer.class)
                            .single())
                    .as("no security context saved")
                    .isZero();

            for (String path : new String[] {"/app", "/settings/security", "/settings/profile", "/contacts"}) {
                HttpResponse<String> response = pending.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(302);
                assertThat(response.headers().firstValue("Location").orElse(""))
                        .as(path)
                        .endsWith("/login");
            }
            for (String path : new String[] {"/api/v1/me", "/api/v1/contacts", "/api/v1/client"}) {
                assertThat(pending.get(path).statusCode()).as(path).isEqualTo(401);
            }
            assertThat(pending.postJson("/api/v1/contacts", "{\"firstName\":\"Mallory\"}")
                            .statusCode())
                    .isIn(401, 403);
            assertThat(pending.postForm("/settings/security/totp/remove", Map.of())
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/login");
            assertThat(pending.get(SECOND_FACTOR_ENROL)
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .as("not an enrolment: the person has a factor")
                    .endsWith("/login/second-factor");
            assertThat(pending.get("/login").statusCode())
                    .as("the sign-in form, not /app")
                    .isEqualTo(200);

            // without a pending sign-in there is no second-factor page
            Browserless stranger = client();
            assertThat(stranger.get("/login/second-factor")
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/login");
            assertThat(stranger.postForm("/login/second-factor", Map.of("code", "123456"))
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/login");
            assertThat(stranger.get("/api/v1/me").statusCode()).isEqualTo(401);

            // a pending sign-in expires
            clock.advance(java.time.Duration.ofMinutes(11));
            assertThat(pending.get("/login/second-factor")
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/login");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aClientThatRequiresTwoFactorsSendsMembersToEnrolment() {
        SignedUp owner = signUpAndVerify("Required Co");
        try {
            Joined member = inviteAndJoin(owner, "member");
            Browserless memberApi = apiClient(member.session());

            // an admin without a second factor cannot require one; bad input is refused
            HttpResponse<String> notYet =
                    owner.session().postForm("/settings/client/mfa", Map.of("mfaRequired", "true"));
            assertThat(notYet.statusCode()).isEqualTo(422);
            assertThat(notYet.body()).contains("Set up two-step verification for yourself first");
            enrol(owner.session());
            assertThat(owner.session()
                            .postForm("/settings/client/mfa", Map.of("mfaRequired", "maybe"))
                            .statusCode())
                    .isEqualTo(422);
            assertThat(member.session()
                            .postForm("/settings/client/mfa", Map.of("mfaRequired", "false"))
                            .statusCode())
                    .as("members may not change it")
                    .isEqualTo(403);
            assertThat(owner.session()
                            .postForm("/settings/client/mfa", Map.of("mfaRequired", "true"))
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/settings/client?saved");
            assertThat(owner.session().get("/api/v1/client").body()).contains("\"mfaRequired\":true");
            assertThat(owner.session().get("/api/v1/audit?limit=100").body()).contains("client.mfa.required");

            // the member's open session can reach only the security settings; their API token keeps working
            HttpResponse<String> app = member.session().get("/app");
            assertThat(app.headers().firstValue("Location").orElse("")).endsWith("/settings/security?required");
            assertThat(member.session().get("/api/v1/contacts").statusCode()).isEqualTo(403);
            assertThat(member.session().get("/settings/security?required").body())
                    .contains("Your organisation requires two-step verification");
            assertThat(memberApi.get("/api/v1/me").statusCode()).isEqualTo(200);
            for (String elsewhere :
                    List.of("/settings/security/identities", "/settings/securityx", "/settings/tokens")) {
                assertThat(member.session()
                                .get(elsewhere)
                                .headers()
                                .firstValue("Location")
                                .orElse(""))
                        .as("only the pages that enrol a factor, not %s", elsewhere)
                        .endsWith("/settings/security?required");
            }
            assertThat(member.session().get("/settings/security/passkeys").statusCode())
                    .isEqualTo(200);

            // a new sign-in goes to enrolment, and nowhere else until it is done
            Browserless fresh = client();
            HttpResponse<String> password =
                    fresh.postForm("/login", Map.of("username", member.email(), "password", member.password()));
            assertThat(password.headers().firstValue("Location").orElse("")).endsWith(SECOND_FACTOR_ENROL);
            assertThat(fresh.get("/app").headers().firstValue("Location").orElse(""))
                    .endsWith("/login");
            assertThat(fresh.get("/login/second-factor")
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith(SECOND_FACTOR_ENROL);
            HttpResponse<String> enrolment = fresh.get(SECOND_FACTOR_ENROL);
            assertThat(enrolment.statusCode()).isEqualTo(200);
            String secret = TotpCodes.secretOn(enrolment.body());
            assertThat(fresh.get(SECOND_FACTOR_ENROL + "/qr.svg").body()).startsWith("<svg");
            assertThat(fresh.postForm(SECOND_FACTOR_ENROL, Map.of("code", "")).statusCode())
                    .isEqualTo(422);
            assertThat(fresh.postForm(SECOND_FACTOR_ENROL, Map.of("code", "nope"))
                            .statusCode())
                    .isEqualTo(422);
            TotpCodes.toStartOfStep(clock);
            HttpResponse<String> done =
                    fresh.postForm(SECOND_FACTOR_ENROL, Map.of("code", TotpCodes.code(secret, clock.instant(), 0)));
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(TotpCodes.recoveryCodesOn(done.body())).hasSize(10);
            assertThat(fresh.get("/api/v1/me").statusCode()).isEqualTo(200);
            assertThat(fresh.get("/app").statusCode()).isEqualTo(200);
            assertThat(member.session().get("/app").statusCode())
                    .as("enrolled now: the old session is let through too")
                    .isEqualTo(200);

            // an enrolled member of such a Client cannot turn it off
            HttpResponse<String> off = fresh.postForm("/settings/security/totp/remove", Map.of());
            assertThat(off.statusCode()).isEqualTo(409);
            assertThat(owner.session()
                            .patchJson("/api/v1/client", "{\"mfaRequired\":false}")
                            .body())
                    .contains("\"mfaRequired\":false");
        } finally {
            clock.reset();
        }
    }

    @Test
    void newRecoveryCodesAndRemovalNeedAConfirmation() {
        SignedUp owner = signUpAndVerify("Removal Co");
        Browserless session = owner.session();
        try {
            TotpCodes.Enrolled enrolled = enrol(session);
            assertThat(session.get("/settings/security").body()).contains("10 recovery codes left");
            clock.advance(java.time.Duration.ofMinutes(11));
            TotpCodes.toStartOfStep(clock);
            assertThat(session.postForm("/settings/security/recovery-codes", Map.of())
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/settings/security/confirm?next=%2Fsettings%2Fsecurity");
            HttpResponse<String> wrong = session.postForm(
                    "/settings/security/confirm",
                    Map.of("code", TotpCodes.code(enrolled.secret(), clock.instant(), 3)));
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(session.postForm(
                                    "/settings/security/confirm",
                                    Map.of(
                                            "code",
                                            TotpCodes.code(enrolled.secret(), clock.instant(), 0),
                                            "next",
                                            "/settings/security"))
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/settings/security");
            HttpResponse<String> fresh = session.postForm("/settings/security/recovery-codes", Map.of());
            assertThat(fresh.statusCode()).isEqualTo(200);
            List<String> newCodes = TotpCodes.recoveryCodesOn(fresh.body());
            assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());

            Browserless old = pending(owner);
            assertThat(old.postForm(
                                    "/login/second-factor",
                                    Map.of(
                                            "recoveryCode",
                                            enrolled.recoveryCodes().get(0)))
                            .statusCode())
                    .as("the old codes stopped working")
                    .isEqualTo(422);

            HttpResponse<String> removed = session.postForm("/settings/security/totp/remove", Map.of());
            assertThat(removed.headers().firstValue("Location").orElse("")).endsWith("/settings/security?removed");
            assertThat(asUser(
                            owner.userId(),
                            () -> jdbc.sql("select (select count(*) from user_totp where user_id = ?)"
                                            + " + (select count(*) from user_recovery_codes where user_id = ?)")
                                    .param(owner.userId())
                                    .param(owner.userId())
                                    .query(Integer.class)
                                    .single()))
                    .isZero();
            assertThat(session.get("/api/v1/audit?limit=100").body())
                    .contains("mfa.recovery.regenerated")
                    .contains("mfa.totp.removed");
            Browserless plain = client();
            plain.signIn(owner.email(), owner.password());
            assertThat(plain.get("/api/v1/me").statusCode())
                    .as("password alone again")
                    .isEqualTo(200);
            assertThat(session.postForm("/settings/security/recovery-codes", Map.of())
                            .statusCode())
                    .as("no authenticator, no recovery codes")
                    .isEqualTo(409);
        } finally {
            clock.reset();
        }
    }

    @Test
    void closingTheAccountRemovesItsSecondFactorAndTheApiRefusesBadInput() {
        SignedUp owner = signUpAndVerify("Closing Co");
        try {
            assertThat(owner.session()
                            .patchJson("/api/v1/client", "{\"mfaRequired\":\"sometimes\"}")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(owner.session()
                            .patchJson("/api/v1/client", "{\"mfaRequired\":true}")
                            .statusCode())
                    .as("the owner has no second factor yet")
                    .isEqualTo(400);
            assertThat(owner.session().get("/api/v1/client").body()).contains("\"mfaRequired\":false");

            Joined member = inviteAndJoin(owner, "member");
            enrol(member.session());
            assertThat(countRows(member.userId())).isEqualTo(11);
            HttpResponse<String> closed =
                    member.session().postForm("/settings/account/close", Map.of("password", member.password()));
            assertThat(closed.headers().firstValue("Location").orElse("")).contains("/login");
            assertThat(countRows(member.userId()))
                    .as("authenticator and recovery codes deleted")
                    .isZero();
        } finally {
            clock.reset();
        }
    }

    private int countRows(UUID userId) {
        return asUser(
                userId,
                () -> jdbc.sql("select (select count(*) from user_totp where user_id = :u)"
                                + " + (select count(*) from user_recovery_codes where user_id = :u)")
                        .param("u", userId)
                        .query(Integer.class)
                        .single());
    }

    static final String SECOND_FACTOR_ENROL = "/login/second-factor/enrol";

    /** Enrols the signed-in person of {@code session} (just signed in, so no step-up needed). */
    TotpCodes.Enrolled enrol(Browserless session) {
        return TotpCodes.enrol(session, clock);
    }

    /** A new browser past the password, waiting at the second factor. */
    Browserless pending(SignedUp owner) {
        Browserless browser = client();
        HttpResponse<String> response =
                browser.postForm("/login", Map.of("username", owner.email(), "password", owner.password()));
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login/second-factor");
        return browser;
    }

    private boolean confirmedAt(UUID userId) {
        return asUser(
                        userId,
                        () -> jdbc.sql("select count(*) from user_totp where user_id = ? and confirmed_at is not null")
                                .param(userId)
                                .query(Integer.class)
                                .single())
                == 1;
    }

    private static <T> T asUser(UUID userId, java.util.concurrent.Callable<T> work) {
        return TenantContext.callAs(null, userId, work);
    }

    static String sessionCookie(Browserless browser) {
        return browser.sessionId();
    }

    private static String sha256(String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(code.replace("-", "").getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
