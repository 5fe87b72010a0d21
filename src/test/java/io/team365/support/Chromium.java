package io.team365.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver, never a downloaded browser. Without them a test is skipped on
 * a workstation but fails under CI, where .ci/run installs them.
 */
public final class Chromium {

    private static final File BROWSER = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    /** How long a journey waits for the page to show what it expects. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private Chromium() {}

    public static ChromeDriver start(int width, int height) {
        boolean available = BROWSER.canExecute() && DRIVER.canExecute();
        if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("chromium and chromium-driver must be installed under CI (see .ci/run)");
        }
        Assumptions.assumeTrue(available, "chromium and chromium-driver are not installed");
        try {
            Path profile = Files.createTempDirectory("team365-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                    "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER)
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // elements of the page being navigated to are waited for, not looked up on the one being left
            driver.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(5));
            return driver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The elements sticking out to the right of the viewport when the page scrolls sideways. */
    @SuppressWarnings("unchecked")
    public static List<String> overflowing(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                        var root = document.documentElement;
                        if (root.scrollWidth <= root.clientWidth) { return []; }
                        var out = [];
                        document.querySelectorAll('body *').forEach(function (el) {
                          var r = el.getBoundingClientRect();
                          if (r.width > 0 && r.right > root.clientWidth + 1) {
                            out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                              + (el.className && el.className.baseVal === undefined ? '.' + String(el.className).trim().replace(/ +/g, '.') : '')
                              + ' right=' + Math.round(r.right) + ' width=' + Math.round(r.width));
                          }
                        });
                        out.push('scrollWidth=' + root.scrollWidth + ' clientWidth=' + root.clientWidth);
                        return out.slice(0, 40);
                        """);
    }

    /** The text of the element once it contains {@code expected} (waiting for it), else whatever it shows. */
    public static String waitText(WebDriver browser, By locator, String expected) {
        try {
            return new WebDriverWait(browser, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .until(d -> {
                        String text = d.findElement(locator).getText();
                        return text.contains(expected) ? text : null;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            return browser.findElements(locator).stream()
                    .map(WebElement::getText)
                    .findFirst()
                    .orElse("(missing)");
        }
    }

    /** The path of the page the browser is on. */
    public static String pathOf(WebDriver browser) {
        return java.net.URI.create(browser.getCurrentUrl()).getPath();
    }

    /** Saves what the browser shows to target/{@code name}, for a failed journey. */
    public static void screenshot(WebDriver browser, String name) throws IOException {
        Path file = Path.of("target", name);
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
