package io.team365.shell;

import static io.team365.support.Chromium.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Chromium;
import io.team365.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The main journey in a real browser: sign up, follow the emailed link, sign in, invite a colleague who accepts,
 * create an API token. The browser's console must show no Content-Security-Policy violation on the way.
 */
class BrowserJourneyTests extends IntegrationTest {

    @Test
    void signUpVerifySignInInviteAColleagueAndCreateAToken() throws IOException {
        String ownerEmail = uniqueEmail("browser-owner");
        String colleagueEmail = uniqueEmail("browser-colleague");
        ChromeDriver owner = Chromium.start(1280, 900);
        ChromeDriver colleague = null;
        try {
            owner.get(url("/"));
            owner.findElement(By.linkText("Start free")).click();
            owner.findElement(By.id("company")).sendKeys("Browser Bakery");
            owner.findElement(By.id("name")).sendKeys("Bea Baker");
            owner.findElement(By.id("email")).sendKeys(ownerEmail);
            owner.findElement(By.id("password")).sendKeys("short");
            owner.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(textOf(owner, By.id("password-error"), "at least 10 characters"))
                    .contains("at least 10 characters");
            assertThat(owner.findElement(By.id("company")).getAttribute("value"))
                    .isEqualTo("Browser Bakery");
            owner.findElement(By.id("password")).sendKeys("gingerbread rooftop 2026");
            owner.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(textOf(owner, By.tagName("h1"), "Check your inbox")).isEqualTo("Check your inbox");

            String verify = awaitLink(ownerEmail, "/verify-email?token=");
            owner.get(verify);
            assertThat(textOf(owner, By.cssSelector(".alert.success"), "email address is confirmed"))
                    .contains("email address is confirmed");
            owner.findElement(By.id("username")).sendKeys(ownerEmail);
            owner.findElement(By.id("password")).sendKeys("gingerbread rooftop 2026");
            owner.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(textOf(owner, By.tagName("h1"), "Welcome, Bea Baker")).isEqualTo("Welcome, Bea Baker");

            owner.findElement(By.linkText("Settings")).click();
            owner.findElement(By.linkText("Users")).click();
            owner.findElement(By.id("email")).sendKeys(colleagueEmail);
            new Select(owner.findElement(By.id("role"))).selectByValue("member");
            owner.findElement(By.xpath("//button[text()='Send invitation']")).click();
            assertThat(textOf(owner, By.cssSelector(".alert.success"), "Invitation sent."))
                    .isEqualTo("Invitation sent.");
            assertThat(owner.getPageSource()).contains(colleagueEmail);
            screenshot(owner, "browser-users.png");

            String invitation = awaitLink(colleagueEmail, "/invitations/accept?token=");
            colleague = Chromium.start(390, 844);
            colleague.get(invitation);
            assertThat(textOf(colleague, By.tagName("h1"), "Join Browser Bakery on Team365"))
                    .isEqualTo("Join Browser Bakery on Team365");
            colleague.findElement(By.id("name")).sendKeys("Cole League");
            colleague.findElement(By.id("password")).sendKeys("sourdough window 77");
            colleague.findElement(By.cssSelector("form button[type=submit]")).click();
            colleague.findElement(By.id("username")).sendKeys(colleagueEmail);
            colleague.findElement(By.id("password")).sendKeys("sourdough window 77");
            colleague.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(textOf(colleague, By.tagName("h1"), "Welcome, Cole League"))
                    .isEqualTo("Welcome, Cole League");
            screenshot(colleague, "browser-journey-phone.png");

            owner.navigate().refresh();
            assertThat(owner.getPageSource()).contains("Cole League");
            owner.findElement(By.linkText("API tokens")).click();
            owner.findElement(By.id("name")).sendKeys("Zapier");
            owner.findElement(By.xpath("//button[text()='Create token']")).click();
            String token = owner.findElement(By.id("new-token")).getAttribute("value");
            assertThat(token).startsWith("t365_");
            screenshot(owner, "browser-journey.png");

            owner.findElement(By.xpath("//button[text()='Revoke']")).click();
            new WebDriverWait(owner, Duration.ofSeconds(5))
                    .until(ExpectedConditions.alertIsPresent())
                    .accept();
            assertThat(textOf(owner, By.cssSelector(".badge"), "revoked")).isEqualTo("revoked");

            owner.findElement(By.linkText("Contacts")).click();
            assertThat(textOf(owner, By.cssSelector(".empty-state h2"), "No contacts yet"))
                    .isEqualTo("No contacts yet");
            owner.findElement(By.linkText("New contact")).click();
            owner.findElement(By.id("firstName")).sendKeys("Ada");
            owner.findElement(By.id("lastName")).sendKeys("Lovelace");
            owner.findElement(By.id("email")).sendKeys("ada@example.test");
            owner.findElement(By.id("jobTitle")).sendKeys("Analyst");
            owner.findElement(By.xpath("//button[text()='Create contact']")).click();
            assertThat(textOf(owner, By.tagName("h1"), "Ada Lovelace")).isEqualTo("Ada Lovelace");
            WebElement jobTitle = owner.findElement(By.id("jobTitle"));
            jobTitle.clear();
            jobTitle.sendKeys("Mathematician");
            owner.findElement(By.xpath("//button[text()='Save contact']")).click();
            assertThat(textOf(owner, By.cssSelector(".alert.success"), "Contact saved."))
                    .isEqualTo("Contact saved.");
            assertThat(textOf(owner, By.cssSelector(".timeline"), "Mathematician"))
                    .as("the timeline, loaded by htmx under the strict CSP, shows the field history")
                    .contains("Analyst")
                    .contains("changed the contact");
            screenshot(owner, "browser-contact.png");

            owner.findElement(By.linkText("Home")).click();
            new WebDriverWait(owner, Duration.ofSeconds(10))
                    .until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return !!window.Chart && !!window.Chart.getChart('new-contacts-chart');")));
            screenshot(owner, "browser-home.png");

            owner.findElement(By.linkText("Settings")).click();
            owner.findElement(By.linkText("Audit trail")).click();
            assertThat(textOf(owner, By.tagName("h2"), "Audit trail")).isEqualTo("Audit trail");
            screenshot(owner, "browser-audit.png");

            assertNoCspViolations(owner);
            assertNoCspViolations(colleague);
        } finally {
            owner.quit();
            if (colleague != null) {
                colleague.quit();
            }
        }
    }

    /** Waits for the element of the page the browser is going to, and reads its text, however long loading takes. */
    private static String textOf(WebDriver driver, By locator, String expected) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .until(d -> {
                        String text = d.findElement(locator).getText();
                        return text.contains(expected) ? text : null;
                    });
        } catch (TimeoutException e) {
            return driver.findElements(locator).stream()
                    .map(WebElement::getText)
                    .findFirst()
                    .orElse("(missing)");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void assertNoCspViolations(ChromeDriver driver) {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertThat(violations).isEmpty();
    }
}
