package io.team365.operators;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;

/**
 * Tests that need a Team365 operator: the test profile lists {@value #EMAIL} in {@code team365.operators}; the account
 * signs up (with a Client of its own, like anyone) once per test run.
 */
abstract class OperatorTest extends IntegrationTest {

    static final String EMAIL = "platform-operator@team365.test";
    private static final String PASSWORD = "amber harbour compass 77";
    private static boolean signedUp;

    /** A new session of the operator. */
    protected Browserless operator() {
        synchronized (OperatorTest.class) {
            if (!signedUp) {
                Browserless anonymous = client();
                var response = anonymous.postJson(
                        "/api/v1/signup",
                        "{\"company\":\"Team365 Support\",\"name\":\"Otto Operator\",\"email\":\"%s\",\"password\":\"%s\"}"
                                .formatted(EMAIL, PASSWORD));
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("operator sign-up failed: " + response.body());
                }
                String link = awaitLink(EMAIL, "/verify-email?token=");
                anonymous.get(link.substring(link.indexOf("/verify-email")));
                signedUp = true;
            }
        }
        Browserless session = client();
        session.signIn(EMAIL, PASSWORD);
        return session;
    }
}
