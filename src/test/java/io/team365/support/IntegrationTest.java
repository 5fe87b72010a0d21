package io.team365.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.team365.core.TenantId;
import io.team365.tenancy.TenantContext;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole server on a random port, on the embedded PostgreSQL, sending mail
 * to an in-process GreenMail SMTP server. Every test class shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public abstract class IntegrationTest {

    protected static final GreenMail MAIL;
    private static final int SMTP_PORT;
    private static final int HTTP_PORT;

    static {
        SMTP_PORT = freePort();
        HTTP_PORT = freePort();
        MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        MAIL.start();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Value("${spring.datasource.url}")
    private String databaseUrl;

    @Value("${spring.datasource.username}")
    protected String appRole;

    @Value("${spring.datasource.password}")
    private String appPassword;

    /** A connection as the application's database role, outside the application (see {@link AppRoleSql}). */
    protected java.sql.Connection appRoleConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(databaseUrl, appRole, appPassword);
    }

    /** The application's clock; a test that moves it resets it in a finally block. */
    @Autowired
    protected SettableClock clock;

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // a port known before start, so links in emails point at the server under test
        registry.add("server.port", () -> HTTP_PORT);
        registry.add("team365.public-base-url", () -> "http://localhost:" + HTTP_PORT);
        // a platform single sign-on provider, configured with Spring Boot's standard properties (identity/sso tests)
        TestOidcProvider.PLATFORM.registerPlatform(registry);
    }

    /** A count in one Client, under its row-level security, as the application would see it. */
    protected long countInTenant(UUID tenant, String sql, Object... params) {
        return TenantContext.callAs(new TenantId(tenant), null, () -> count(sql, params));
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    protected Browserless client() {
        return new Browserless("http://localhost:" + port);
    }

    /** A new API token of the person signed in to {@code session}. */
    protected static String apiToken(Browserless session) {
        var response = session.postJson("/api/v1/me/tokens", "{\"name\":\"api\"}");
        if (response.statusCode() == 403 && response.body().contains("Confirm it is you")) {
            // the session signed in longer ago than the step-up window (a slow run, or a moved clock)
            session.confirmIdentity();
            response = session.postJson("/api/v1/me/tokens", "{\"name\":\"api\"}");
        }
        return Browserless.jsonField(response.body(), "token");
    }

    /** A client calling the API with a new token of the person signed in to {@code session}, as integrations do. */
    protected Browserless apiClient(Browserless session) {
        return client().withBearer(apiToken(session));
    }

    protected static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /** Waits for the newest email to {@code to} and returns the first link in it that starts with {@code path}. */
    protected static String awaitLink(String to, String path) {
        Pattern link = Pattern.compile("https?://[^\\s]+" + Pattern.quote(path) + "[^\\s]*");
        return Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> messagesTo(to).stream()
                                .map(IntegrationTest::body)
                                .map(link::matcher)
                                .filter(Matcher::find)
                                .map(Matcher::group)
                                .reduce((first, second) -> second)
                                .orElse(null),
                        found -> found != null);
    }

    protected static List<MimeMessage> messagesTo(String to) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().contains(to));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    protected static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs up a new Client over the API and follows the emailed link; returns the session of its owner. */
    protected SignedUp signUpAndVerify(String company) {
        String email = uniqueEmail("owner");
        String password = "plum orchard lantern 42";
        Browserless anonymous = client();
        var response = anonymous.postJson(
                "/api/v1/signup",
                "{\"company\":\"%s\",\"name\":\"Olive Owner\",\"email\":\"%s\",\"password\":\"%s\"}"
                        .formatted(company, email, password));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("sign-up failed: " + response.body());
        }
        String link = awaitLink(email, "/verify-email?token=");
        anonymous.get(link.substring(link.indexOf("/verify-email")));
        Browserless owner = client();
        owner.signIn(email, password);
        String tenantId = Browserless.jsonField(response.body(), "tenantId");
        String userId = Browserless.jsonField(response.body(), "userId");
        return new SignedUp(owner, email, password, UUID.fromString(tenantId), UUID.fromString(userId));
    }

    /** The owner invites someone with the role; they accept through the emailed link and sign in. */
    protected Joined inviteAndJoin(SignedUp owner, String role) {
        String email = uniqueEmail(role);
        String password = "quiet meadow lighthouse 9";
        var invited = owner.session()
                .postJson("/api/v1/invitations", "{\"email\":\"%s\",\"role\":\"%s\"}".formatted(email, role));
        if (invited.statusCode() != 201) {
            throw new IllegalStateException("invitation failed: " + invited.body());
        }
        String link = awaitLink(email, "/invitations/accept?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        Browserless invitee = client();
        var accepted = invitee.postForm(
                "/invitations/accept", java.util.Map.of("token", token, "name", "Ivy " + role, "password", password));
        if (accepted.statusCode() != 302) {
            throw new IllegalStateException("accepting failed: " + accepted.statusCode() + accepted.body());
        }
        Browserless session = client();
        session.signIn(email, password);
        String userId = Browserless.jsonField(session.get("/api/v1/me").body(), "userId");
        return new Joined(session, email, password, UUID.fromString(userId));
    }

    public record Joined(Browserless session, String email, String password, UUID userId) {}

    public record SignedUp(Browserless session, String email, String password, UUID tenantId, UUID userId) {}

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
