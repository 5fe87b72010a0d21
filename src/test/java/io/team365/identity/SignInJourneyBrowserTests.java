package io.team365.identity;

import static io.team365.support.Chromium.overflowing;
import static io.team365.support.Chromium.pathOf;
import static io.team365.support.Chromium.screenshot;
import static io.team365.support.Chromium.waitText;
import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.Chromium;
import io.team365.support.IntegrationTest;
import io.team365.support.TestOidcProvider;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The browser journey, through the pages only: sign up through the test OpenID Connect server, set up an
 * authenticator app from Settings → Security (the key read off the page, the codes computed here as an app would),
 * sign out, sign in through the provider again and pass the second step, first with a wrong code, then a right one;
 * the second-step page also checked for the keyboard and at a phone's width.
 */
class SignInJourneyBrowserTests extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final TestOidcProvider IDP = TestOidcProvider.PLATFORM;

    @Test
    void signUpThroughTheProviderEnrolTotpSignOutAndSignInWithTheSecondFactor() throws Exception {
        String email = uniqueEmail("journey-sso");
        TestOidcProvider.Person person = new TestOidcProvider.Person(
                "sub-" + UUID.randomUUID(), email, true, "Jules Journey", "https://pictures.example.test/jules.png");
        ChromeDriver browser = Chromium.start(1280, 900);
        try {
            // 1. /login → the provider's button → back to the SSO sign-up form → the app
            IDP.nextSignIn(person);
            browser.get(url("/login"));
            browser.findElement(By.linkText("Sign in with Test IdP")).click();
            assertThat(waitText(browser, By.tagName("h1"), "Create your workspace"))
                    .contains("Create your workspace");
            assertThat(pathOf(browser)).isEqualTo("/signup/sso");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(email);
            browser.findElement(By.id("company")).sendKeys("Journey Sign-In Co");
            WebElement name = browser.findElement(By.id("name"));
            name.clear();
            name.sendKeys("Jules Journey");
            browser.findElement(By.cssSelector("form[action='/signup/sso'] button[type=submit]"))
                    .click();
            assertThat(waitText(browser, By.tagName("h1"), "Welcome")).startsWith("Welcome");
            assertThat(pathOf(browser)).isEqualTo("/app");

            // 2. Settings → Security: set up the authenticator, read the key, confirm with a computed code
            browser.findElement(By.linkText("Settings")).click();
            browser.findElement(By.linkText("Security")).click();
            assertThat(waitText(browser, By.tagName("h2"), "Security")).isEqualTo("Security");
            assertThat(pathOf(browser)).isEqualTo("/settings/security");
            browser.findElement(By.xpath("//button[text()='Set up an authenticator app']"))
                    .click();
            WebElement key = browser.findElement(By.id("totp-secret"));
            assertThat(pathOf(browser)).isEqualTo("/settings/security/totp");
            String secret = key.getAttribute("value").replace(" ", "");
            assertThat(TotpCodes.decode(secret)).hasSize(20);
            assertThat(browser.findElement(By.cssSelector(".mfa-qr img")).getAttribute("naturalWidth"))
                    .as("the QR code loads")
                    .isNotEqualTo("0");
            TotpCodes.toStartOfStep(clock);
            browser.findElement(By.id("code")).sendKeys(TotpCodes.code(secret, clock.instant(), 0));
            browser.findElement(By.xpath("//button[text()='Turn on two-step verification']"))
                    .click();
            assertThat(waitText(browser, By.tagName("h2"), "Two-step verification is on"))
                    .isEqualTo("Two-step verification is on");
            List<WebElement> recovery = browser.findElements(By.cssSelector("ol.recovery-codes li"));
            assertThat(recovery).hasSize(10);
            assertThat(recovery.getFirst().getText()).matches("[0-9a-z]{4}(-[0-9a-z]{4}){3}");
            screenshot(browser, "signin-journey-recovery-codes.png");

            // 3. sign out
            browser.findElement(By.xpath("//button[text()='Sign out']")).click();
            waitText(browser, By.tagName("h1"), "Sign in");
            assertThat(pathOf(browser)).isEqualTo("/login");
            browser.get(url("/app"));
            assertThat(pathOf(browser)).as("signed out").isEqualTo("/login");

            // 4. through the provider again: the second step is asked for
            IDP.nextSignIn(person);
            browser.findElement(By.linkText("Sign in with Test IdP")).click();
            assertThat(waitText(browser, By.tagName("h1"), "Two-step verification"))
                    .isEqualTo("Two-step verification");
            assertThat(pathOf(browser)).isEqualTo("/login/second-factor");
            assertThat(focusedId(browser)).as("the code field has focus").isEqualTo("code");
            assertThat(browser.findElement(By.cssSelector(".auth-card")).getText())
                    .as("the lead names the provider's sign-in, not a password nobody typed")
                    .contains("Your provider confirmed who you are")
                    .doesNotContain("password");

            // ... a wrong code (the right one five steps ahead, outside the window): a clear error, still signed out
            clock.advance(Duration.ofSeconds(30));
            browser.switchTo().activeElement().sendKeys(TotpCodes.code(secret, clock.instant(), 5), Keys.ENTER);
            String error = waitText(browser, By.cssSelector(".alert.error"), "not right");
            assertThat(error).contains("That code is not right");
            assertThat(pathOf(browser)).isEqualTo("/login/second-factor");
            assertThat(browser.findElement(By.id("code")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(focusedId(browser)).as("the code field has focus again").isEqualTo("code");
            browser.get(url("/app"));
            assertThat(pathOf(browser)).as("a wrong code signs nobody in").isEqualTo("/login");
            browser.get(url("/login/second-factor"));
            assertThat(waitText(browser, By.tagName("h1"), "Two-step verification"))
                    .as("the pending sign-in survives a wrong code")
                    .isEqualTo("Two-step verification");

            // ... at a phone's width, nothing scrolls sideways
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            waitText(browser, By.tagName("h1"), "Two-step verification");
            assertThat(overflowing(browser)).as("the second step fits a phone").isEmpty();
            screenshot(browser, "signin-journey-second-factor-phone.png");

            // ... the code of the next step (enrolment used the one before: replay protection), Enter submits
            assertThat(focusedId(browser)).isEqualTo("code");
            browser.switchTo().activeElement().sendKeys(TotpCodes.code(secret, clock.instant(), 0), Keys.ENTER);
            assertThat(waitText(browser, By.tagName("h1"), "Welcome")).startsWith("Welcome");
            assertThat(pathOf(browser)).isEqualTo("/app");
            assertThat(browser.findElement(By.cssSelector(".avatar")).getAttribute("title"))
                    .isEqualTo("Jules Journey");

            // the audit trail of the account the provider's sign-up created
            browser.get(url("/api/v1/me"));
            String me = browser.findElement(By.tagName("body")).getText();
            assertThat(Browserless.jsonField(me, "email")).isEqualTo(email);
            UUID userId = UUID.fromString(Browserless.jsonField(me, "userId"));
            UUID tenant = UUID.fromString(Browserless.jsonField(me, "tenantId"));
            assertThat(auditCount(tenant, userId, "signin.sso")).isEqualTo(2);
            assertThat(auditCount(tenant, userId, "mfa.totp.enrolled")).isEqualTo(1);

            List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                    .toList();
            assertThat(violations).isEmpty();
        } finally {
            clock.reset();
            browser.quit();
        }
    }

    private long auditCount(UUID tenant, UUID userId, String action) {
        return io.team365.tenancy.TenantContext.callAs(
                new io.team365.core.TenantId(tenant),
                null,
                () -> jdbc.sql("select count(*) from audit_events where action = :a and actor_id = :u")
                        .param("a", action)
                        .param("u", userId)
                        .query(Long.class)
                        .single());
    }

    private static String focusedId(WebDriver browser) {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
