package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.Chromium;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The privacy journeys of a person who is not a user, in a real browser on a phone-sized screen: choosing what mail
 * to get in the preference centre, then asking the organisation for their data through the public form and the
 * emailed code; and the organisation's admin finding that request in the queue. The strict CSP stays silent.
 */
class PrivacyBrowserJourneyTests extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Test
    void aSubjectChoosesTheirMailAndAsksForTheirDataAndTheAdminSeesTheRequest() {
        SignedUp owner = signUpAndVerify("Journey Privacy Co");
        Browserless api = owner.session();
        String email = uniqueEmail("subject");
        String contact = Browserless.jsonField(
                api.postJson(
                                "/api/v1/contacts",
                                "{\"firstName\":\"Pia\",\"lastName\":\"Person\",\"emails\":[{\"address\":\"" + email
                                        + "\"}]}")
                        .body(),
                "id");
        String preferenceUrl = Browserless.jsonField(
                api.postJson("/api/v1/contacts/" + contact + "/preference-link", "{}")
                        .body(),
                "preferenceUrl");

        ChromeDriver phone = Chromium.start(390, 844);
        try {
            // 1. the preference centre: opt in to the newsletter
            phone.get(url(URI.create(preferenceUrl).getPath()));
            var newsletter = phone.findElement(By.cssSelector("input[name=granted][value=newsletter]"));
            assertThat(newsletter.isSelected()).isFalse();
            newsletter.click();
            phone.findElement(By.cssSelector("form[action^='/preferences/'] button[type=submit]"))
                    .click();
            assertThat(waitText(phone, By.cssSelector(".alert.success"))).isEqualTo("Your choices are saved.");
            assertThat(phone.findElement(By.cssSelector("input[name=granted][value=newsletter]"))
                            .isSelected())
                    .isTrue();
            assertThat(ledger(owner, contact))
                    .as("the choice is in the ledger, made in the preference centre")
                    .contains("newsletter:true:preference-centre");
            assertThat(phone.manage().getCookies())
                    .as("the preference centre sets no cookie")
                    .isEmpty();

            // 2. the public request form, confirmed with the emailed code
            phone.get(url("/privacy/request/" + owner.tenantId()));
            phone.findElement(By.cssSelector("input[name=type][value=access]")).click();
            phone.findElement(By.id("email")).sendKeys(email);
            phone.findElement(By.cssSelector("form[action^='/privacy/request/'] button[type=submit]"))
                    .click();
            new WebDriverWait(phone, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
            phone.findElement(By.id("code")).sendKeys(awaitCode(email));
            phone.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(waitText(phone, By.tagName("h1"))).isEqualTo("Your request was received");
            assertNoCspViolations(phone);
        } finally {
            phone.quit();
        }

        // 3. the admin finds it in the queue, due in a month
        ChromeDriver desk = Chromium.start(1280, 900);
        try {
            desk.get(url("/login"));
            desk.findElement(By.id("username")).sendKeys(owner.email());
            desk.findElement(By.id("password")).sendKeys(owner.password());
            desk.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(desk, WAIT).until(ExpectedConditions.urlContains("/app"));
            desk.get(url("/settings/privacy/requests"));
            String queue = waitText(desk, By.cssSelector("main"));
            assertThat(queue).contains(email).contains("Access");
            assertNoCspViolations(desk);
        } finally {
            desk.quit();
        }
    }

    private List<String> ledger(SignedUp owner, String contact) {
        return TenantContext.callAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql("select purpose || ':' || granted || ':' || method from consent_events"
                                + " where contact_id = ?")
                        .param(UUID.fromString(contact))
                        .query(String.class)
                        .list());
    }

    private static String awaitCode(String email) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(
                        () -> messagesTo(email).stream()
                                .map(IntegrationTest::body)
                                .filter(body -> body.contains("enter this code"))
                                .map(body -> CODE.matcher(body.substring(body.indexOf("enter this code"))))
                                .filter(Matcher::find)
                                .map(m -> m.group(1))
                                .findFirst()
                                .orElse(null),
                        code -> code != null);
    }

    private static String waitText(WebDriver browser, By locator) {
        return new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(locator))
                .getText()
                .strip();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void assertNoCspViolations(ChromeDriver browser) {
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertThat(violations).isEmpty();
    }
}
