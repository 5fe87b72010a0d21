package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.Team365Application;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** A second server node on the same database shares sessions, throttling and everything else. */
class MultiNodeTests extends IntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void aSessionStartedOnOneNodeWorksOnAnotherAndSignOutEndsItOnBoth() {
        SignedUp owner = signUpAndVerify("Two Nodes Ltd");
        try (ConfigurableApplicationContext nodeB = secondNode()) {
            int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
            Browserless onA = owner.session();
            Browserless onB = owner.session().onPort(portB);

            HttpResponse<String> me = onB.get("/api/v1/me");
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains(owner.email());
            assertThat(onB.postJson("/api/v1/me/tokens", "{\"name\":\"from node B\"}")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(onA.get("/api/v1/me/tokens").body()).contains("from node B");

            assertThat(onB.postForm("/logout", Map.of()).statusCode()).isEqualTo(302);
            assertThat(onA.get("/api/v1/me").statusCode())
                    .as("signed out everywhere")
                    .isEqualTo(401);
        }
    }

    @Test
    void throttlingCountsAttemptsOnEveryNode() {
        SignedUp owner = signUpAndVerify("Throttle Nodes Ltd");
        try (ConfigurableApplicationContext nodeB = secondNode()) {
            int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
            Browserless attackerA = client();
            Browserless attackerB = client().onPort(portB);
            for (int i = 0; i < 5; i++) {
                Browserless node = i % 2 == 0 ? attackerA : attackerB;
                node.postForm("/login", Map.of("username", owner.email(), "password", "wrong " + i));
            }
            HttpResponse<String> locked =
                    attackerB.postForm("/login", Map.of("username", owner.email(), "password", owner.password()));
            assertThat(locked.headers().firstValue("Location").orElse("")).contains("error=throttled");
        }
    }

    /** Another server on the same database, as a second node behind a load balancer would be. */
    private ConfigurableApplicationContext secondNode() {
        String[] arguments = {
            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
            "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
            "--spring.flyway.url=" + environment.getProperty("spring.flyway.url"),
            "--spring.flyway.user=" + environment.getProperty("spring.flyway.user"),
            "--spring.flyway.password=" + environment.getProperty("spring.flyway.password"),
            "--team365.data-dir=" + environment.getProperty("team365.data-dir"),
            "--server.port=0",
            "--server.forward-headers-strategy=native",
            "--spring.main.banner-mode=off"
        };
        return new SpringApplicationBuilder(Team365Application.class).run(arguments);
    }
}
