package io.team365.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Health, metrics, the OpenAPI document, security headers and rate limits. */
class PlatformEndpointsTests extends IntegrationTest {

    @Test
    void healthHasLivenessAndReadinessAndMetricsAreNotPublic() {
        Browserless anonymous = client();
        assertThat(anonymous.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        SignedUp owner = signUpAndVerify("Metrics Peek Ltd");
        assertThat(owner.session().get("/actuator/prometheus").statusCode())
                .as("not even for a signed-in owner")
                .isEqualTo(401);
        HttpResponse<String> scraped = client().withAuthorization("Basic "
                        + java.util.Base64.getEncoder().encodeToString("prometheus:scrape-secret-for-tests".getBytes()))
                .get("/actuator/prometheus");
        assertThat(scraped.statusCode()).as("the configured scraper").isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        HttpResponse<String> doc = client().get("/v3/api-docs");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body())
                .contains("\"openapi\":\"3.1")
                .contains("/api/v1/signup")
                .contains("/api/v1/me/tokens")
                .contains("/api/v1/members/{userId}")
                .contains("/api/v1/audit")
                .contains("\"title\":\"Team365 API\"")
                .contains("\"scheme\":\"bearer\"")
                .contains("\"201\"")
                .contains("application/problem+json");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndTheUsualHeaders() {
        HttpResponse<String> page = client().page("/signup");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.body())
                .doesNotContain("<script>")
                .doesNotContain(" style=\"")
                .doesNotContain("onclick");
    }

    @Test
    void publicEndpointsAreRateLimitedPerAddressWithProblemDetails() {
        Browserless flood = client();
        HttpResponse<String> last = null;
        for (int i = 0; i < 11; i++) {
            last = flood.postJson("/api/v1/password-resets", "{\"email\":\"nobody@example.test\"}");
            if (i < 10) {
                assertThat(last.statusCode()).isEqualTo(202);
                assertThat(last.headers().firstValue("RateLimit-Remaining")).hasValue(String.valueOf(9 - i));
            }
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.headers().firstValue("RateLimit-Limit")).hasValue("10");
        assertThat(last.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(last.body()).contains("\"status\":429");
        assertThat(client().postJson("/api/v1/password-resets", "{\"email\":\"nobody@example.test\"}")
                        .statusCode())
                .as("another address is not affected")
                .isEqualTo(202);
    }

    @Test
    void tokenRequestsReportTheirRateLimit() {
        SignedUp owner = signUpAndVerify("Limits Co");
        HttpResponse<String> me = apiClient(owner.session()).get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("RateLimit-Limit")).hasValue("600");
    }
}
