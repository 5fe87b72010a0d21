package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a clear error and leaves nothing half-created. */
class BadInputTests extends IntegrationTest {

    private static final String GOOD_PASSWORD = "amber canyon teapot 31";

    @Test
    void aValueThatDoesNotParseIsNamedByItsField() {
        SignedUp owner = signUpAndVerify("Bad Date Co");
        HttpResponse<String> date =
                owner.session().postJson("/api/v1/deals", "{\"name\":\"Dated\",\"closeDate\":\"31/12/2026\"}");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("\"field\":\"closeDate\"");
        HttpResponse<String> nested = owner.session()
                .postJson(
                        "/api/v1/contacts",
                        "{\"firstName\":\"N\",\"emails\":[{\"address\":\"n@example.test\","
                                + "\"primary\":\"maybe\"}]}");
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(nested.body()).contains("\"field\":\"emails[0].primary\"");
    }

    @Test
    void invalidEmailAndWeakPasswordAreNamedFieldByField() {
        HttpResponse<String> response = signUp("Bad Co", "Bo", "not-an-email", "password123");
        assertProblem(response, 400);
        assertThat(response.body())
                .contains("\"field\":\"email\"", "\"field\":\"password\"")
                .contains("valid email address")
                .contains("too common");
    }

    @Test
    void passwordRulesRefuseShortCommonAndPersonalPasswords() {
        assertThat(signUp("P Co", "Paula Jones", uniqueEmail("p"), "short1!").body())
                .contains("at least 10 characters");
        assertThat(signUp("P Co", "Paula Jones", uniqueEmail("p"), "Sunshine2024!")
                        .body())
                .contains("too common");
        assertThat(signUp("P Co", "Paula Jones", uniqueEmail("p"), "aaaaaaaaaaaaaa")
                        .body())
                .contains("too common");
        assertThat(signUp("P Co", "Paula Jones", "paulajones@example.test", "paulajones1985")
                        .body())
                .contains("name or email");
        assertThat(signUp("P Co", "Paula Jones", uniqueEmail("p"), "x".repeat(129))
                        .body())
                .contains("at most 128");
    }

    @Test
    void aDuplicateSignUpIsRefusedAndCreatesNothing() {
        String email = uniqueEmail("dup");
        assertThat(signUp("First Co", "Dee", email, GOOD_PASSWORD).statusCode()).isEqualTo(201);
        int clientsBefore = count("select count(*) from clients");
        HttpResponse<String> again = signUp("Second Co", "Dee", email.toUpperCase(), GOOD_PASSWORD);
        assertProblem(again, 409);
        assertThat(again.body()).contains("already exists").contains("\"field\":\"email\"");
        assertThat(count("select count(*) from clients")).isEqualTo(clientsBefore);
        assertThat(count("select count(*) from clients where name = 'Second Co'"))
                .isZero();
    }

    @Test
    void oversizedFieldsAndBodiesAreRefused() {
        HttpResponse<String> longName = signUp("C".repeat(201), "N".repeat(201), uniqueEmail("long"), GOOD_PASSWORD);
        assertProblem(longName, 400);
        assertThat(longName.body())
                .contains("\"field\":\"company\"", "\"field\":\"name\"")
                .contains("at most 200");
        assertThat(count("select count(*) from clients where length(name) > 200"))
                .isZero();

        String huge = "{\"company\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> tooLarge = client().postJson("/api/v1/signup", huge);
        assertProblem(tooLarge, 413);

        HttpResponse<String> control = signUp("Evil\nCorp", "Eve", uniqueEmail("ctl"), GOOD_PASSWORD);
        assertProblem(control, 400);
        assertThat(control.body()).contains("\"field\":\"company\"");
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAreNamed() {
        Browserless api = client();
        assertProblem(api.postJson("/api/v1/signup", "{\"company\": \"x\","), 400);
        HttpResponse<String> unknown = api.postJson("/api/v1/signup", "{\"company\":\"x\",\"isAdmin\":true}");
        assertProblem(unknown, 400);
        assertThat(unknown.body()).contains("\"field\":\"isAdmin\"");
        HttpResponse<String> wrongType = api.postJson("/api/v1/signup", "{\"company\":{\"a\":1}}");
        assertProblem(wrongType, 400);
        assertThat(wrongType.body()).contains("\"field\":\"company\"");
    }

    @Test
    void wrongMethodsMediaTypesAndUnknownPathsGetProblemDetails() {
        SignedUp owner = signUpAndVerify("Paths Ltd");
        assertProblem(owner.session().send("PUT", "/api/v1/me", "application/json", "{}"), 405);
        assertProblem(owner.session().send("POST", "/api/v1/me/tokens", "text/plain", "hello"), 415);
        assertProblem(client().send("POST", "/api/v1/signup", "text/plain", "hello"), 415);
        assertProblem(owner.session().get("/api/v1/no-such-thing"), 404);
        assertProblem(owner.session().page("/api/v1/no-such-thing"), 404);
        HttpResponse<String> badId = owner.session().delete("/api/v1/me/tokens/not-a-uuid");
        assertProblem(badId, 400);
        assertThat(badId.body()).contains("\"field\":\"id\"");
        HttpResponse<String> page = owner.session().page("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").contains("<html");
    }

    @Test
    void tamperedVerificationLinksVerifyNobody() {
        String email = uniqueEmail("tamper");
        assertThat(signUp("Tamper Co", "Tam", email, GOOD_PASSWORD).statusCode())
                .isEqualTo(201);
        String link = awaitLink(email, "/verify-email?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        Browserless visitor = client();
        HttpResponse<String> refused = visitor.get("/verify-email?token=" + tampered);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("invalid, has already been used, or has expired");
        assertThat(visitor.get("/verify-email?token=" + "x".repeat(500)).body()).contains("invalid");
        assertThat(visitor.get("/verify-email").body()).contains("invalid");
        HttpResponse<String> signIn = visitor.postForm("/login", Map.of("username", email, "password", GOOD_PASSWORD));
        assertThat(signIn.headers().firstValue("Location").orElse("")).endsWith("error=unverified");

        // the genuine link still works, once
        assertThat(visitor.get("/verify-email?token=" + token)
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/login?verified");
        assertThat(visitor.get("/verify-email?token=" + token).body()).contains("already been used");
    }

    @Test
    void passwordResetWorksOnceAndRefusesTamperedLinksAndWeakPasswords() {
        SignedUp owner = signUpAndVerify("Reset Co");
        Browserless visitor = client();
        HttpResponse<String> asked =
                visitor.postJson("/api/v1/password-resets", "{\"email\":\"" + owner.email() + "\"}");
        assertThat(asked.statusCode()).isEqualTo(202);
        HttpResponse<String> unknown =
                visitor.postJson("/api/v1/password-resets", "{\"email\":\"nobody@example.test\"}");
        assertThat(unknown.statusCode())
                .as("the same answer for unknown addresses")
                .isEqualTo(202);

        String link = awaitLink(owner.email(), "/reset-password?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(visitor.get("/reset-password?token=" + token + "x").body())
                .contains("invalid, has already been used");
        HttpResponse<String> tampered =
                visitor.postForm("/reset-password", Map.of("token", token + "x", "password", "brand new harbour 88"));
        assertThat(tampered.statusCode()).isEqualTo(422);
        HttpResponse<String> weak =
                visitor.postForm("/reset-password", Map.of("token", token, "password", "qwerty12345"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("too common");

        HttpResponse<String> reset =
                visitor.postForm("/reset-password", Map.of("token", token, "password", "brand new harbour 88"));
        assertThat(reset.headers().firstValue("Location").orElse("")).endsWith("/login?reset");
        assertThat(owner.session().get("/api/v1/me").statusCode())
                .as("old sessions ended")
                .isEqualTo(401);
        client().signIn(owner.email(), "brand new harbour 88");
        HttpResponse<String> reused =
                visitor.postForm("/reset-password", Map.of("token", token, "password", "another fresh phrase 5"));
        assertThat(reused.statusCode()).as("a link works once").isEqualTo(422);
    }

    @Test
    void chunkedBodiesAreLimitedToo() {
        byte[] huge =
                ("{\"company\":\"" + "x".repeat(1_200_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertProblem(client().postChunked("/api/v1/signup", huge), 413);
    }

    @Test
    void controlCharactersAreRefusedCleanlyNotWithAServerError() {
        Browserless visitor = client();
        HttpResponse<String> login =
                visitor.postForm("/login", Map.of("username", "a\u0000@example.test", "password", "x"));
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/login?error=credentials");
        assertThat(visitor.postForm("/forgot-password", Map.of("email", "a\u0000@example.test"))
                        .statusCode())
                .isEqualTo(200);
        SignedUp owner = signUpAndVerify("Nul Co");
        assertProblem(owner.session().get("/api/v1/audit?filter[action]=" + "x".repeat(65)), 400);
        assertThat(owner.session().get("/settings/audit?action=%00").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPasswordResetKillsEveryOtherOpenLink() {
        SignedUp owner = signUpAndVerify("Two Links Co");
        Browserless visitor = client();
        visitor.postJson("/api/v1/password-resets", "{\"email\":\"" + owner.email() + "\"}");
        String first = awaitLink(owner.email(), "/reset-password?token=");
        visitor.postJson("/api/v1/password-resets", "{\"email\":\"" + owner.email() + "\"}");
        String second = org.awaitility.Awaitility.await()
                .until(() -> awaitLink(owner.email(), "/reset-password?token="), link -> !link.equals(first));
        HttpResponse<String> used =
                visitor.postForm("/reset-password", Map.of("token", token(second), "password", "second link phrase 9"));
        assertThat(used.statusCode()).isEqualTo(302);
        HttpResponse<String> stale =
                visitor.postForm("/reset-password", Map.of("token", token(first), "password", "first link phrase 10"));
        assertThat(stale.statusCode()).isEqualTo(422);
        client().signIn(owner.email(), "second link phrase 9");
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    @Test
    void theSignUpFormShowsErrorsBesideTheFieldsAndKeepsWhatWasTyped() {
        Browserless visitor = client();
        HttpResponse<String> page = visitor.postForm(
                "/signup", Map.of("company", "Form Co", "name", "Fay", "email", "fay@", "password", "123"));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body())
                .contains("id=\"email-error\"")
                .contains("value=\"Form Co\"")
                .contains("aria-invalid=\"true\"");
        assertThat(page.body()).doesNotContain("value=\"123\"");
    }

    private HttpResponse<String> signUp(String company, String name, String email, String password) {
        return client().postJson(
                        "/api/v1/signup",
                        "{\"company\":%s,\"name\":%s,\"email\":%s,\"password\":%s}"
                                .formatted(json(company), json(name), json(email), json(password)));
    }

    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status);
    }
}
