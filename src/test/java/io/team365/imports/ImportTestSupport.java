package io.team365.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Starting imports over the API, waiting for them, and reading the database as one Client. */
abstract class ImportTestSupport extends IntegrationTest {

    /** A Client whose owner imports with an API token. */
    record World(SignedUp owner, ImportClient api, Browserless session) {
        TenantId tenant() {
            return new TenantId(owner.tenantId());
        }
    }

    World world(String company) {
        SignedUp owner = signUpAndVerify(company);
        return new World(owner, new ImportClient(port, apiToken(owner.session())), owner.session());
    }

    /** Starts an import (expecting 202) and returns its id. */
    static UUID start(World world, String csv, String... fields) {
        HttpResponse<String> started =
                world.api().upload("people.csv", csv.getBytes(StandardCharsets.UTF_8), ImportClient.fields(fields));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.body()).contains("\"status\":\"queued\"");
        return UUID.fromString(Browserless.jsonField(started.body(), "id"));
    }

    /** Waits until the import has ended (done, failed or cancelled) and returns its JSON. */
    static String awaitEnd(World world, UUID id) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> world.api().get("/api/v1/imports/" + id).body(),
                        body -> body.contains("\"status\":\"done\"")
                                || body.contains("\"status\":\"failed\"")
                                || body.contains("\"status\":\"cancelled\""));
    }

    long count(World world, String sql, Object... params) {
        return TenantContext.callAs(world.tenant(), null, () -> {
            var statement = jdbc.sql(sql);
            for (int i = 0; i < params.length; i++) {
                statement = statement.param(i + 1, params[i]);
            }
            return statement.query(Long.class).single();
        });
    }

    <T> T value(World world, String sql, Class<T> type, Object... params) {
        return TenantContext.callAs(world.tenant(), null, () -> {
            var statement = jdbc.sql(sql);
            for (int i = 0; i < params.length; i++) {
                statement = statement.param(i + 1, params[i]);
            }
            return statement.query(type).single();
        });
    }

    int update(World world, String sql, Object... params) {
        return TenantContext.callAs(world.tenant(), null, () -> {
            var statement = jdbc.sql(sql);
            for (int i = 0; i < params.length; i++) {
                statement = statement.param(i + 1, params[i]);
            }
            return statement.update();
        });
    }

    static long number(String json, String field) {
        var matcher =
                java.util.regex.Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no number " + field + " in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    static Map<String, Long> counts(String json) {
        return Map.of(
                "total", number(json, "total"),
                "processed", number(json, "processed"),
                "created", number(json, "created"),
                "updated", number(json, "updated"),
                "skipped", number(json, "skipped"),
                "failed", number(json, "failed"),
                "suppressed", number(json, "suppressed"));
    }
}
