package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.mail.internal.account.MailAccount;
import io.team365.support.Chromium;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In a real browser on a phone-sized window: open the inbox, open a thread, show its images, reply. */
class MailBrowserJourneyTests extends MailClientTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void openTheInboxOpenAThreadAndReply() {
        SignedUp owner = signUpAndVerify("Mail Journey Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        String partner = uniqueEmail("sam");
        receive(
                owner.tenantId(),
                account,
                null,
                "journey-" + UUID.randomUUID() + "@partner.test",
                List.of(),
                "Workshop visit",
                partner,
                me,
                "<p>Can we visit on Friday?</p><img data-remote-src=\"https://images.example/map.png\" alt=\"map\">",
                "Can we visit on Friday?",
                List.of());
        ChromeDriver browser = Chromium.start(390, 844);
        try {
            browser.get(url("/login"));
            browser.findElement(By.id("username")).sendKeys(owner.email());
            browser.findElement(By.id("password")).sendKeys(owner.password());
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            waitText(browser, By.tagName("h1"), "Welcome");

            browser.get(url("/mail"));
            waitText(browser, By.cssSelector(".mail-list"), "Workshop visit");
            browser.findElement(By.partialLinkText("Workshop visit")).click();
            waitText(browser, By.tagName("h1"), "Workshop visit");
            assertThat(browser.findElement(By.cssSelector(".mail-body img")).getAttribute("src"))
                    .as("remote image not loaded before the click")
                    .isNullOrEmpty();
            browser.findElement(By.xpath("//button[text()='Show images']")).click();
            new WebDriverWait(browser, WAIT)
                    .until(d -> "https://images.example/map.png"
                            .equals(d.findElement(By.cssSelector(".mail-body img"))
                                    .getAttribute("src")));

            browser.findElement(By.linkText("Reply")).click();
            waitText(browser, By.tagName("h1"), "Reply");
            assertThat(browser.findElement(By.id("to")).getAttribute("value")).contains(partner);
            assertThat(browser.findElement(By.id("subject")).getAttribute("value"))
                    .isEqualTo("Re: Workshop visit");
            browser.findElement(By.id("body")).sendKeys("Friday works, see you at ten.");
            browser.findElement(By.xpath("//button[text()='Send']")).click();
            waitText(browser, By.cssSelector(".alert.success"), "on its way");
            waitText(browser, By.tagName("main"), "Friday works, see you at ten.");

            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> box.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(partner), m -> true)
                                    .count()
                            == 1);
            List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                    .toList();
            assertThat(violations).isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static void waitText(WebDriver browser, By locator, String expected) {
        new WebDriverWait(browser, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(locator).getText().contains(expected));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
