package io.team365.core.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.Team365Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Team365 on an external PostgreSQL 15 set up as README.md says (.ci/external-postgres.sh): migrations run as the
 * owner role, the server runs as the application role under row-level security, and it refuses to start as a role
 * that could escape it. Also proves the SQL runs on PostgreSQL 15, the oldest version we support.
 */
class ExternalDatabaseTests {

    private static final String URL = System.getenv("TEAM365_TEST_EXTERNAL_DB_URL");

    @BeforeAll
    static void externalDatabase() {
        if (URL == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must provide PostgreSQL 15 (.ci/external-postgres.sh)");
        }
        Assumptions.assumeTrue(
                URL != null, "no external PostgreSQL: run .ci/external-postgres.sh and export its output");
    }

    @Test
    void runsOnPostgres15AsTheApplicationRoleUnderRowLevelSecurity() throws Exception {
        try (ConfigurableApplicationContext app = start("team365_ext_app", "ext-app-secret")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String email = "ext-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            HttpResponse<String> signUp = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/signup"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"company\":\"External Co\",\"name\":\"Ext\",\"email\":\"" + email
                                                    + "\",\"password\":\"copper lantern meadow 5\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
        }
        try (Connection owner = DriverManager.getConnection(URL, "team365_ext_owner", "ext-owner-secret");
                Connection appRole = DriverManager.getConnection(URL, "team365_ext_app", "ext-app-secret");
                Statement asOwner = owner.createStatement();
                Statement asApp = appRole.createStatement()) {
            assertThat(scalar(asOwner, "select current_setting('server_version_num')::int / 10000"))
                    .isEqualTo(15);
            assertThat(scalar(asOwner, "select count(*) from clients where name = 'External Co'"))
                    .as("row-level security is forced on the owner too")
                    .isZero();
            scalar(asOwner, "select count(*) from (select set_config('app.worker', 'tenant-registry', false)) s");
            assertThat(scalar(asOwner, "select count(*) from clients where name = 'External Co'"))
                    .as("the registry worker sees every Client")
                    .isPositive();
            assertThat(scalar(asApp, "select count(*) from memberships"))
                    .as("no tenant bound, no rows")
                    .isZero();
        }
    }

    @Test
    void refusesToRunAsTheOwnerRole() {
        assertThatThrownBy(() -> start("team365_ext_owner", "ext-owner-secret").close())
                .hasStackTraceContaining("owns tables");
    }

    private static ConfigurableApplicationContext start(String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", URL);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("spring.flyway.user", "team365_ext_owner");
        properties.put("spring.flyway.password", "ext-owner-secret");
        properties.put("team365.database.app-role", "team365_ext_app");
        properties.put("team365.data-dir", "target/external-db-data");
        properties.put("server.port", "0");
        // as command-line arguments, so they win over application.properties, as environment variables would
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(Team365Application.class).run(arguments);
    }

    private static int scalar(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
