package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Wrong second-factor codes sent all at once: the throttle counts each attempt before the code is checked, under a
 * lock per person, so exactly five are ever checked, however many arrive together.
 */
class SecondFactorRaceTests extends IntegrationTest {

    private static final int BURST = 20;
    private static final int LIMIT = 5;

    @Test
    void aBurstOfWrongCodesAtSignInGetsFiveTriesNotTwenty() throws Exception {
        SignedUp owner = signUpAndVerify("Race At Sign-In Co");
        try {
            String secret = enrol(owner.session());
            String wrong = wrongCode(secret);
            // one pending sign-in per request, each from its own address (as a botnet would), tokens read beforehand
            List<Browserless> browsers = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                Browserless browser = pending(owner);
                browsers.add(browser);
                tokens.add(browser.csrfToken());
            }
            List<HttpResponse<String>> answers =
                    all(i -> browsers.get(i).postForm("/login/second-factor", Map.of("code", wrong), tokens.get(i)));

            assertThat(statuses(answers, 422)).as("codes checked (and wrong)").isEqualTo(LIMIT);
            assertThat(statuses(answers, 429)).as("turned away unchecked").isEqualTo(BURST - LIMIT);
            assertThat(answers.stream().filter(a -> a.statusCode() == 429))
                    .allMatch(a -> a.body().contains("Too many wrong codes"));
            assertThat(failures(owner.userId())).isEqualTo(LIMIT);

            // the right code is refused now too, and signs nobody in
            Browserless late = pending(owner);
            HttpResponse<String> right =
                    late.postForm("/login/second-factor", Map.of("code", TotpCodes.code(secret, clock.instant(), 0)));
            assertThat(right.statusCode()).isEqualTo(429);
            assertThat(late.get("/api/v1/me").statusCode()).isEqualTo(401);
            for (Browserless browser : browsers) {
                assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
            }
        } finally {
            clock.reset();
        }
    }

    @Test
    void aBurstOfWrongCodesAtStepUpGetsFiveTriesNotTwenty() throws Exception {
        SignedUp owner = signUpAndVerify("Race At Step-Up Co");
        try {
            String secret = enrol(owner.session());
            String wrong = wrongCode(secret);
            Browserless session = owner.session();
            String token = session.csrfToken();
            // the same signed-in session, twenty times at once
            List<HttpResponse<String>> answers = all(i -> session.postForm(
                    "/settings/security/confirm", Map.of("code", wrong, "next", "/settings/security"), token));

            assertThat(statuses(answers, 422)).as("codes checked (and wrong)").isEqualTo(LIMIT);
            assertThat(statuses(answers, 429)).as("turned away unchecked").isEqualTo(BURST - LIMIT);
            assertThat(failures(owner.userId())).isEqualTo(LIMIT);
            assertThat(session.postForm(
                                    "/settings/security/confirm",
                                    Map.of(
                                            "code",
                                            TotpCodes.code(secret, clock.instant(), 0),
                                            "next",
                                            "/settings/security"))
                            .statusCode())
                    .as("the right code is refused as throttled")
                    .isEqualTo(429);
        } finally {
            clock.reset();
        }
    }

    @Test
    void oneAddressIsRateLimitedOnTheSecondFactorPage() {
        Browserless flood = client();
        String token = flood.csrfToken();
        for (int i = 0; i < 10; i++) {
            // every other one re-spelt with a percent-encoded letter: it routes to the same page, so it counts too
            String path = i % 2 == 0 ? "/login/second-factor" : "/login/second-f%61ctor";
            assertThat(flood.postForm(path, Map.of("code", "123456"), token).statusCode())
                    .as("no pending sign-in: back to /login")
                    .isEqualTo(302);
        }
        HttpResponse<String> limited = flood.postForm("/login/second-factor", Map.of("code", "123456"), token);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(client().postForm("/login/second-factor", Map.of("code", "123456"))
                        .statusCode())
                .as("another address is not affected")
                .isEqualTo(302);
    }

    /** Sends {@link #BURST} requests released at the same moment; their answers. */
    private static List<HttpResponse<String>> all(Function<Integer, HttpResponse<String>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        try {
            CountDownLatch ready = new CountDownLatch(BURST);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(n);
                }));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long statuses(List<HttpResponse<String>> answers, int status) {
        return answers.stream().filter(a -> a.statusCode() == status).count();
    }

    private long failures(UUID userId) {
        return TenantContext.callAs(
                null,
                userId,
                () -> jdbc.sql("select count(*) from mfa_failures where user_id = ?")
                        .param(userId)
                        .query(Long.class)
                        .single());
    }

    /** Enrols the person signed in to {@code session}; the secret, as their app holds it. */
    private String enrol(Browserless session) {
        String secret = TotpCodes.enrol(session, clock).secret();
        // the next codes belong to a later step than the one enrolment used
        clock.advance(java.time.Duration.ofSeconds(30));
        return secret;
    }

    /** A code of the secret far from now (so wrong), and unlike any code the window accepts. */
    private String wrongCode(String secret) {
        List<String> accepted = List.of(
                TotpCodes.code(secret, clock.instant(), -1),
                TotpCodes.code(secret, clock.instant(), 0),
                TotpCodes.code(secret, clock.instant(), 1));
        for (int offset = 10; ; offset++) {
            String code = TotpCodes.code(secret, clock.instant(), offset);
            if (!accepted.contains(code)) {
                return code;
            }
        }
    }

    /** A new browser past the password, waiting at the second factor. */
    private Browserless pending(SignedUp owner) {
        Browserless browser = client();
        HttpResponse<String> response =
                browser.postForm("/login", Map.of("username", owner.email(), "password", owner.password()));
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login/second-factor");
        return browser;
    }
}
