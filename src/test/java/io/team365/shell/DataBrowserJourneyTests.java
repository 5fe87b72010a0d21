package io.team365.shell;

import static io.team365.support.Chromium.overflowing;
import static io.team365.support.Chromium.pathOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.Chromium;
import io.team365.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The data journey in a real browser: a Google Contacts CSV imported through the wizard (upload, headers mapped by
 * themselves, several batches with a live progress bar, a report with a rejected-rows file), the imported contact
 * found with the Ctrl-K palette without typing its accent, the list exported to CSV and downloaded, and two
 * contacts sharing an email merged on the merge screen with a value chosen from each. The strict CSP stays silent.
 */
class DataBrowserJourneyTests extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final String GOOGLE_CSV = """
            First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name
            José,García,jose.garcia@example.test,+34 612 34 56 78,Acme Iberia
            Ann,Lee,ann.lee@example.test,,
            Bo,Chen,bo@chenco.example,,Chen & Co
            Cleo,Dunn,cleo.dunn@example.test,,
            Bad,Row,not-an-email,,
            Dara,Eng,dara.eng@example.test,,
            Annie,Lee,ANN.LEE@example.test,,
            Finn,Gray,finn.gray@example.test,,
            """;

    @Test
    void importFindExportAndMergeThroughThePages() throws IOException {
        SignedUp owner = signUpAndVerify("Journey Data Co");
        Browserless api = owner.session();
        String robin = contact(api, "Robin", "Twin", "twin@elsewhere.test");
        String robyn = contact(api, "Robyn", "Twin", "twin@elsewhere.test");
        // a real export's long name, without a space to break at: the report's heading must still fit a phone
        Path csv = Files.createTempDirectory("data-journey").resolve("Google_Contacts_Export_2026_12_01.csv");
        Files.writeString(csv, GOOGLE_CSV, StandardCharsets.UTF_8);

        ChromeDriver browser = Chromium.start(1280, 900);
        List<String> console = new ArrayList<>();
        try {
            signIn(browser, owner);

            // 1. Contacts → Import: upload, the mapping step with the headers recognised, start, the report
            browser.get(url("/contacts"));
            browser.findElement(By.linkText("Import")).click();
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/imports/new"));
            assertThat(new Select(browser.findElement(By.id("import-object")))
                            .getFirstSelectedOption()
                            .getDomAttribute("value"))
                    .isEqualTo("contacts");
            browser.findElement(By.id("import-file"))
                    .sendKeys(csv.toAbsolutePath().toString());
            browser.findElement(By.cssSelector("form[data-import-upload] button[type=submit]"))
                    .click();
            assertThat(waitText(browser, By.tagName("h1"), "Match the columns")).isEqualTo("Match the columns");
            assertThat(browser.findElement(By.cssSelector("table.import-preview"))
                            .getText())
                    .contains("José")
                    .contains("García");
            assertThat(mappedTargets(browser))
                    .as("each Google Contacts header is mapped to its field without the user choosing")
                    .containsExactly(
                            "First Name=firstName",
                            "Last Name=lastName",
                            "E-mail 1 - Value=email",
                            "Phone 1 - Value=phone",
                            "Organization 1 - Name=company");
            browser.findElement(By.xpath("//button[normalize-space()='Start the import']"))
                    .click();
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlMatches("/imports/[0-9a-f-]{36}$"));
            String importPath = pathOf(browser);
            assertThat(waitText(browser, By.tagName("h1"), ".csv")).isEqualTo("Google_Contacts_Export_2026_12_01.csv");
            waitText(browser, By.cssSelector("#import-progress .badge"), "Done");
            WebElement report = browser.findElement(By.id("import-progress"));
            assertThat(report.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Done");
            assertThat(report.findElement(By.tagName("progress")).getDomProperty("value"))
                    .isEqualTo("100");
            assertThat(report.getText()).contains("Records 8 of 8");
            assertThat(count(browser, "Created")).isEqualTo("6");
            assertThat(count(browser, "Updated")).isEqualTo("0");
            assertThat(count(browser, "Skipped (duplicates)")).isEqualTo("1");
            assertThat(count(browser, "Rejected")).isEqualTo("1");
            assertThat(count(browser, "Companies created")).isEqualTo("2");
            WebElement rejected = browser.findElement(By.linkText("Download the rejected rows (CSV)"));
            assertThat(rejected.getDomAttribute("href")).isEqualTo(importPath + "/errors");
            assertThat(fetchText(browser, importPath + "/errors"))
                    .as("the rejected row, fetched with the browser's own session")
                    .contains("not-an-email");
            assertThat(browser.findElements(By.cssSelector("#import-progress[hx-trigger]")))
                    .as("a finished import stops polling")
                    .isEmpty();
            assertNoCspViolations(browser, console);

            // 2. the Ctrl-K palette finds José without the accent, Enter opens him
            browser.get(url("/contacts"));
            browser.findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.CONTROL, "k"));
            WebElement input = new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("search-palette-input")));
            assertThat(browser.findElement(By.id("search-palette")).getDomAttribute("open"))
                    .isNotNull();
            new WebDriverWait(browser, WAIT)
                    .until(d -> input.equals(d.switchTo().activeElement()));
            input.sendKeys("jose");
            WebElement option = new WebDriverWait(browser, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector("#search-palette-results [role=option]")).stream()
                            .filter(o -> o.getText().contains("José García"))
                            .findFirst()
                            .orElse(null));
            String josePath = option.getDomAttribute("href");
            assertThat(josePath).matches("/contacts/[0-9a-f-]{36}");
            new WebDriverWait(browser, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        WebElement active = d.findElement(
                                By.cssSelector("#search-palette-results [role=option][aria-selected=true]"));
                        if (josePath.equals(active.getDomAttribute("href"))) {
                            return true;
                        }
                        input.sendKeys(Keys.ARROW_DOWN);
                        return false;
                    });
            input.sendKeys(Keys.ENTER);
            new WebDriverWait(browser, WAIT).until(d -> pathOf(d).equals(josePath));
            assertThat(waitText(browser, By.tagName("h1"), "José García")).isEqualTo("José García");
            assertNoCspViolations(browser, console);

            // 3. Contacts → Export → CSV: progress, then the file with José's row
            browser.get(url("/contacts"));
            browser.findElement(By.linkText("Export")).click();
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/exports/new/contacts"));
            browser.findElement(By.cssSelector("input[name=format][value=csv]")).click();
            browser.findElement(By.xpath("//button[normalize-space()='Start export']"))
                    .click();
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlMatches("/exports/[0-9a-f-]{36}$"));
            String exportPath = pathOf(browser);
            WebElement download = new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("#export-progress a[download]")));
            assertThat(download.getDomAttribute("href")).isEqualTo(exportPath + "/file");
            assertThat(download.getText()).startsWith("Download ").endsWith(".csv");
            assertThat(browser.findElement(By.id("export-progress")).getText()).contains("8 rows exported.");
            String exported = fetchText(browser, exportPath + "/file");
            assertThat(exported.lines().filter(line -> line.contains("José") && line.contains("García")))
                    .as("José's row, accent intact")
                    .singleElement()
                    .asString()
                    .contains("jose.garcia@example.test");
            assertThat(exported).doesNotContain("not-an-email").contains("twin@elsewhere.test");
            assertNoCspViolations(browser, console);

            // 4. Contacts → Duplicates: the two Twins, merged keeping the other record's first name
            browser.get(url("/contacts"));
            browser.findElement(By.linkText("Duplicates")).click();
            assertThat(waitText(browser, By.tagName("h1"), "Duplicate contacts"))
                    .isEqualTo("Duplicate contacts");
            List<WebElement> groups = browser.findElements(By.cssSelector("main table tbody tr"));
            assertThat(groups).as("only the Twins share an email").hasSize(1);
            assertThat(groups.getFirst().getText())
                    .contains("Robin Twin")
                    .contains("Robyn Twin")
                    .contains("Same email");
            groups.getFirst().findElement(By.linkText("Review and merge")).click();
            assertThat(waitText(browser, By.tagName("h1"), "Merge contacts")).isEqualTo("Merge contacts");
            String survivor = browser.findElement(By.cssSelector("input[name=survivor]:checked"))
                    .getDomAttribute("value");
            assertThat(survivor).isIn(robin, robyn);
            String other = survivor.equals(robin) ? robyn : robin;
            String otherName = other.equals(robin) ? "Robin" : "Robyn";
            WebElement firstName =
                    browser.findElement(By.cssSelector("input[name='field.firstName'][value='" + other + "']"));
            assertThat(firstName.isSelected())
                    .as("the survivor's own first name is the default")
                    .isFalse();
            firstName.click();
            assertThat(firstName.isSelected()).isTrue();
            browser.findElement(By.xpath("//form[@action='/contacts/merge']//button[normalize-space()='Merge']"))
                    .click();
            new WebDriverWait(browser, WAIT).until(d -> pathOf(d).equals("/contacts/" + survivor));
            assertThat(waitText(browser, By.cssSelector(".alert.success"), "Contacts merged."))
                    .isEqualTo("Contacts merged.");
            assertThat(waitText(browser, By.tagName("h1"), otherName + " Twin")).isEqualTo(otherName + " Twin");
            browser.get(url("/contacts/" + other));
            new WebDriverWait(browser, WAIT).until(d -> pathOf(d).equals("/contacts/" + survivor));
            assertThat(waitText(browser, By.tagName("h1"), otherName + " Twin")).isEqualTo(otherName + " Twin");
            browser.get(url("/contacts/duplicates"));
            assertThat(waitText(browser, By.cssSelector("main"), "No likely duplicates"))
                    .contains("No likely duplicates");
            assertNoCspViolations(browser, console);

            // 5. the import report at a phone's width
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(url(importPath));
            waitText(browser, By.cssSelector("#import-progress .badge"), "Done");
            assertThat(overflowing(browser))
                    .as("the import report fits the phone's width")
                    .isEmpty();
            assertNoCspViolations(browser, console);
        } finally {
            browser.quit();
            Files.deleteIfExists(csv);
            Files.deleteIfExists(csv.getParent());
        }
    }

    private static String contact(Browserless api, String first, String last, String email) {
        var created = api.postJson(
                "/api/v1/contacts",
                "{\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"emails\":[{\"address\":\"" + email
                        + "\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private void signIn(ChromeDriver browser, SignedUp owner) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(owner.email());
        browser.findElement(By.id("password")).sendKeys(owner.password());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(waitText(browser, By.tagName("h1"), "Welcome")).startsWith("Welcome");
    }

    /** The mapping step's choices, as {@code header=target} in column order. */
    private static List<String> mappedTargets(WebDriver browser) {
        return browser.findElements(By.cssSelector("table.import-preview thead th")).stream()
                .map(th -> th.findElement(By.tagName("label"))
                                .getDomProperty("textContent")
                                .strip() + "="
                        + new Select(th.findElement(By.tagName("select")))
                                .getFirstSelectedOption()
                                .getDomAttribute("value"))
                .toList();
    }

    /** The number the import report shows under a heading. */
    private static String count(WebDriver browser, String label) {
        return browser.findElement(By.xpath(
                        "//dl[contains(@class,'import-counts')]/div[dt[normalize-space()='" + label + "']]/dd"))
                .getText()
                .strip();
    }

    /** A same-origin GET made by the page itself, so with the browser's own session cookie. */
    private static String fetchText(WebDriver browser, String path) {
        Object text = ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + " fetch(arguments[0], {credentials: 'same-origin'})"
                                + ".then(function (r) { return r.ok ? r.text() : 'HTTP ' + r.status; })"
                                + ".then(done, function (e) { done('failed: ' + e); });",
                        path);
        assertThat(String.valueOf(text)).doesNotStartWith("HTTP ").doesNotStartWith("failed: ");
        return String.valueOf(text);
    }

    /** Waits for the element's text to contain {@code expected}; returns the text found at the end either way. */
    private static String waitText(WebDriver browser, By locator, String expected) {
        try {
            return new WebDriverWait(browser, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .until(d -> {
                        String text = d.findElement(locator).getText().strip();
                        return text.contains(expected) ? text : null;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            return browser.findElements(locator).stream()
                    .map(WebElement::getText)
                    .findFirst()
                    .orElse("(missing)");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The console since the last look (reading it empties Chrome's buffer), so every step is checked. */
    private static void assertNoCspViolations(ChromeDriver browser, List<String> console) {
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .forEach(console::add);
        assertThat(console.stream()
                        .filter(message ->
                                message.contains("Content Security Policy") || message.contains("Refused to")))
                .isEmpty();
    }
}
