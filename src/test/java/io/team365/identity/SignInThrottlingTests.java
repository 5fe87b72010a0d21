package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInThrottlingTests extends IntegrationTest {

    @Test
    void repeatedFailuresLockTheAccountForAWhileWithAClearMessage() {
        SignedUp owner = signUpAndVerify("Throttle Co");
        Browserless attacker = client();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong =
                    attacker.postForm("/login", Map.of("username", owner.email(), "password", "guess " + i));
            assertThat(wrong.headers().firstValue("Location").orElse(""))
                    .as(
                            "attempt %d; attempts so far: %s",
                            i,
                            jdbc.sql("select string_agg(ip || ' ' || succeeded, ', ')"
                                            + " from sign_in_attempts where email = ?")
                                    .param(owner.email())
                                    .query(String.class)
                                    .single())
                    .endsWith("/login?error=credentials");
        }
        HttpResponse<String> locked =
                attacker.postForm("/login", Map.of("username", owner.email(), "password", owner.password()));
        String location = locked.headers().firstValue("Location").orElse("");
        assertThat(location)
                .as("even the right password is refused while throttled")
                .contains("error=throttled");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(attacker.get(location.substring(location.indexOf("/login"))).body())
                .contains("Too many failed sign-ins")
                .contains("try again in");

        assertThat(owner.session().get("/api/v1/audit").body()).contains("user.sign-in-failed");
        assertThat(jdbc.sql("select count(*) from sign_in_attempts where email = ? and not succeeded")
                        .param(owner.email())
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void aBurstOfParallelGuessesGetsNoMoreTriesThanASlowOne() throws Exception {
        SignedUp owner = signUpAndVerify("Burst Co");
        java.util.List<java.util.concurrent.Callable<String>> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            guesses.add(() -> client().postForm("/login", Map.of("username", owner.email(), "password", "burst " + n))
                    .headers()
                    .firstValue("Location")
                    .orElse(""));
        }
        long checked;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            checked = pool.invokeAll(guesses).stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .filter(location -> location.endsWith("error=credentials"))
                    .count();
        }
        assertThat(checked).as("passwords actually checked").isLessThanOrEqualTo(5);
    }

    @Test
    void unknownAccountsAreThrottledTooAndGetTheSameAnswer() {
        Browserless attacker = client();
        String email = uniqueEmail("ghost");
        HttpResponse<String> first = attacker.postForm("/login", Map.of("username", email, "password", "whatever 1"));
        assertThat(first.headers().firstValue("Location").orElse("")).endsWith("/login?error=credentials");
        assertThat(attacker.page("/login?error=credentials").body())
                .as("the address typed is kept for the next try")
                .contains("value=\"" + email + "\"");
        for (int i = 0; i < 5; i++) {
            attacker.postForm("/login", Map.of("username", email, "password", "whatever " + i));
        }
        HttpResponse<String> locked = attacker.postForm("/login", Map.of("username", email, "password", "whatever x"));
        assertThat(locked.headers().firstValue("Location").orElse("")).contains("error=throttled");
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottled() {
        Browserless attacker = client();
        for (int i = 0; i < 20; i++) {
            attacker.postForm("/login", Map.of("username", uniqueEmail("spray"), "password", "Winter2026!"));
        }
        HttpResponse<String> locked =
                attacker.postForm("/login", Map.of("username", uniqueEmail("spray"), "password", "Winter2026!"));
        assertThat(locked.headers().firstValue("Location").orElse("")).contains("error=throttled");
        HttpResponse<String> elsewhere =
                client().postForm("/login", Map.of("username", uniqueEmail("spray"), "password", "Winter2026!"));
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).endsWith("error=credentials");
    }
}
