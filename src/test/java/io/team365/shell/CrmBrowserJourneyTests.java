package io.team365.shell;

import static io.team365.support.Chromium.overflowing;
import static io.team365.support.Chromium.pathOf;
import static io.team365.support.Chromium.screenshot;
import static io.team365.support.Chromium.waitText;
import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Chromium;
import io.team365.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The CRM journey in a real browser: a company, a contact picked into it, a deal for both, the deal dragged to
 * another stage on the board, a note added on the deal, and all of it on the timelines. Every step goes through the
 * pages (htmx pickers and panels, SortableJS) under the strict Content-Security-Policy, which must stay silent.
 */
class CrmBrowserJourneyTests extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void createACompanyAContactAndADealDragItToAnotherStageAndNoteIt() throws IOException {
        SignedUp owner = signUpAndVerify("Journey Joinery");
        ChromeDriver browser = Chromium.start(1280, 900);
        try {
            signIn(browser, owner);

            // 1. a company, landing on its page
            browser.get(url("/companies/new"));
            browser.findElement(By.id("name")).sendKeys("Oak & Iron Ltd");
            browser.findElement(By.id("domain")).sendKeys("oak-iron.example");
            browser.findElement(By.xpath("//button[text()='Create company']")).click();
            assertThat(waitText(browser, By.tagName("h1"), "Oak & Iron Ltd")).isEqualTo("Oak & Iron Ltd");
            assertThat(waitText(browser, By.cssSelector(".alert.success"), "Company created."))
                    .isEqualTo("Company created.");
            String companyPath = pathOf(browser);
            assertThat(companyPath).matches("/companies/[0-9a-f-]{36}");

            // 2. a contact of that company, chosen with the company picker
            browser.get(url("/contacts/new"));
            browser.findElement(By.id("firstName")).sendKeys("Greta");
            browser.findElement(By.id("lastName")).sendKeys("Grain");
            browser.findElement(By.id("email")).sendKeys("greta@oak-iron.example");
            pick(browser, "companyId", "Oak", "Oak & Iron Ltd");
            browser.findElement(By.xpath("//button[text()='Create contact']")).click();
            assertThat(waitText(browser, By.tagName("h1"), "Greta Grain")).isEqualTo("Greta Grain");
            String contactPath = pathOf(browser);
            assertThat(contactPath).matches("/contacts/[0-9a-f-]{36}");
            assertThat(selectedText(browser, "companyId", "Oak & Iron Ltd"))
                    .as("the contact's edit form shows the company it was given")
                    .startsWith("Oak & Iron Ltd");

            // 3. a deal for the company and the contact, with a value
            browser.get(url("/deals/new"));
            browser.findElement(By.id("name")).sendKeys("Workshop benches");
            browser.findElement(By.id("amount")).sendKeys("12500");
            WebElement currency = browser.findElement(By.id("currency"));
            currency.clear();
            currency.sendKeys("EUR");
            pick(browser, "companyId", "Oak", "Oak & Iron Ltd");
            pick(browser, "otherContactIds", "Greta", "Greta Grain");
            browser.findElement(By.xpath("//button[text()='Create deal']")).click();
            assertThat(waitText(browser, By.tagName("h1"), "Workshop benches")).startsWith("Workshop benches");
            String dealPath = pathOf(browser);
            assertThat(dealPath).matches("/deals/[0-9a-f-]{36}");
            String dealId = dealPath.substring("/deals/".length());
            String facts = browser.findElement(By.cssSelector(".facts")).getText();
            assertThat(facts)
                    .contains("Qualified")
                    .contains("12,500")
                    .contains("Oak & Iron Ltd")
                    .contains("Greta Grain");

            // 4. the board: drag the card from its stage to the next one
            browser.get(url("/deals"));
            By card = By.id("deal-" + dealId);
            WebElement from = column(browser, "Qualified");
            WebElement to = column(browser, "Needs analysis");
            assertThat(cardsIn(browser, from, card)).isEqualTo(1);
            assertThat(cardsIn(browser, to, card)).isZero();
            assertThat(countText(from)).isEqualTo("1 deal");
            assertThat(countText(to)).isEqualTo("no deals");
            assertThat(totalsText(from)).contains("12,500");
            assertThat(totalsText(to)).doesNotContain("12,500");
            awaitSortable(browser);
            drag(browser, browser.findElement(card).findElement(By.cssSelector(".deal-card-company")), to);
            new WebDriverWait(browser, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> countText(column(d, "Needs analysis")).equals("1 deal"));
            assertThat(browser.findElement(By.id("board-message")).isDisplayed())
                    .as("the board reports no refused move")
                    .isFalse();
            screenshot(browser, "crm-board-dragged.png");

            browser.navigate().refresh();
            from = column(browser, "Qualified");
            to = column(browser, "Needs analysis");
            assertThat(cardsIn(browser, to, card)).as("the move is stored").isEqualTo(1);
            assertThat(cardsIn(browser, from, card)).isZero();
            assertThat(countText(from)).isEqualTo("no deals");
            assertThat(countText(to)).isEqualTo("1 deal");
            assertThat(totalsText(from)).doesNotContain("12,500");
            assertThat(totalsText(to)).contains("12,500");
            screenshot(browser, "crm-board.png");

            // 5. the deal page: a note through the activities panel's quick-add form
            browser.findElement(card)
                    .findElement(By.linkText("Workshop benches"))
                    .click();
            assertThat(waitText(browser, By.tagName("h1"), "Workshop benches")).startsWith("Workshop benches");
            assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("Needs analysis");
            WebElement quickAdd = browser.findElement(By.cssSelector("#activities-panel details.activity-quick-add"));
            quickAdd.findElement(By.tagName("summary")).click();
            new Select(browser.findElement(By.id("qa-type"))).selectByValue("note");
            browser.findElement(By.id("qa-subject")).sendKeys("Site visit notes");
            browser.findElement(By.id("qa-body")).sendKeys("They want oak tops and steel legs, delivery in May.");
            browser.findElement(By.cssSelector("#activities-panel form button[type=submit]"))
                    .click();
            String panel = waitText(browser, By.cssSelector("#activities-panel .activity-list"), "Site visit notes");
            assertThat(panel).contains("Site visit notes").contains("Note").contains("oak tops and steel legs");

            // 6. the deal's timeline: the stage change and the note (written after the commit, so wait for them)
            String timeline = awaitTimeline(
                    browser, dealPath, text -> text.contains("moved the deal") && text.contains("added an activity"));
            assertThat(timeline)
                    .contains("moved the deal")
                    .contains("Qualified")
                    .contains("Needs analysis")
                    .contains("added an activity")
                    .contains("Site visit notes")
                    .contains("oak tops and steel legs")
                    .contains("created the deal");
            WebElement moved = browser.findElement(
                    By.xpath("//ol[@class='timeline']/li[contains(., 'moved the deal')]//ul[@class='changes']/li"));
            assertThat(moved.findElement(By.tagName("del")).getText()).isEqualTo("Qualified");
            assertThat(moved.findElement(By.tagName("ins")).getText()).isEqualTo("Needs analysis");
            scrollIntoView(browser, By.cssSelector(".timeline-card"));
            screenshot(browser, "crm-deal.png");

            // ... and the deal's creation on the company's and the contact's timelines
            assertThat(awaitTimeline(browser, companyPath, text -> text.contains("created the deal")))
                    .contains("created the deal")
                    .contains("Workshop benches");
            assertThat(awaitTimeline(browser, contactPath, text -> text.contains("created the deal")))
                    .contains("created the deal")
                    .contains("Workshop benches");

            // 7. the board and the deal page at a phone's width
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(url("/deals"));
            assertThat(cardsIn(browser, column(browser, "Needs analysis"), card))
                    .isEqualTo(1);
            assertThat(overflowing(browser))
                    .as("the board page fits the phone's width")
                    .isEmpty();
            screenshot(browser, "crm-board-phone.png");
            browser.get(url(dealPath));
            waitText(browser, By.cssSelector(".timeline"), "moved the deal");
            assertThat(overflowing(browser))
                    .as("the deal page fits the phone's width")
                    .isEmpty();
            screenshot(browser, "crm-deal-phone.png");

            assertNoCspViolations(browser);
        } finally {
            browser.quit();
        }
    }

    private void signIn(ChromeDriver browser, SignedUp owner) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(owner.email());
        browser.findElement(By.id("password")).sendKeys(owner.password());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(waitText(browser, By.tagName("h1"), "Welcome")).startsWith("Welcome");
    }

    /**
     * Types into a picker's search box and selects the option htmx brings back for it. The option list is first
     * loaded by the select itself and then replaced by the search's answer, so the choice is made only once that
     * answer has been swapped in: a choice made earlier would be wiped by it.
     */
    private static void pick(WebDriver browser, String name, String typed, String optionText) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebElement select = browser.findElement(By.id(name));
        WebElement search = browser.findElement(By.id(name + "-search"));
        new WebDriverWait(browser, WAIT)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return arguments[0].options.length > 1 && !arguments[0].classList.contains('htmx-request');",
                        select)));
        js.executeScript(
                "var box = arguments[0]; box.dataset.answers = '0';"
                        + " box.addEventListener('htmx:afterRequest', function () {"
                        + " box.dataset.answers = String(Number(box.dataset.answers) + 1); });",
                search);
        search.sendKeys(typed);
        String value = new WebDriverWait(browser, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    if ("0".equals(search.getDomAttribute("data-answers"))
                            || String.valueOf(search.getDomAttribute("class")).contains("htmx-request")) {
                        return null;
                    }
                    return now(d, () -> d.findElements(By.cssSelector("#" + name + " option"))).stream()
                            .filter(o -> o.getText().startsWith(optionText))
                            .map(o -> o.getDomAttribute("value"))
                            .findFirst()
                            .orElse(null);
                });
        assertThat(value).matches("[0-9a-f-]{36}");
        new Select(browser.findElement(By.id(name))).selectByValue(value);
        assertThat(new Select(browser.findElement(By.id(name)))
                        .getFirstSelectedOption()
                        .getText())
                .startsWith(optionText);
    }

    /** The text of a select's chosen option, once it holds {@code expected}: htmx replaces the options on load. */
    private static String selectedText(WebDriver browser, String id, String expected) {
        try {
            return new WebDriverWait(browser, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        String text = new Select(d.findElement(By.id(id)))
                                .getFirstSelectedOption()
                                .getText();
                        return text.contains(expected) ? text : null;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            return new Select(browser.findElement(By.id(id)))
                    .getFirstSelectedOption()
                    .getText();
        }
    }

    private static WebElement column(WebDriver browser, String stage) {
        return browser.findElement(
                By.xpath("//section[contains(@class,'deal-column')][.//h2[normalize-space()='" + stage + "']]"));
    }

    /** How many of the located cards the column holds, looked up at once (absence is not waited for). */
    private static int cardsIn(WebDriver browser, WebElement column, By card) {
        return now(browser, () -> column.findElements(card)).size();
    }

    /** Runs a look-up without the driver's implicit wait, for things that may rightly be absent. */
    private static <T> T now(WebDriver browser, java.util.function.Supplier<T> lookup) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return lookup.get();
        } finally {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        }
    }

    private static String countText(WebElement column) {
        return column.findElement(By.cssSelector("[data-count]")).getText().trim();
    }

    private static String totalsText(WebElement column) {
        return column.findElement(By.cssSelector("[data-totals]")).getText().trim();
    }

    /** The board's script runs deferred; a drag before Sortable is bound would only select text. */
    private static void awaitSortable(WebDriver browser) {
        new WebDriverWait(browser, WAIT)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("var l = document.querySelector('.deal-cards');"
                                + " return !!(window.Sortable && l && window.Sortable.get(l));")));
    }

    /**
     * A real mouse drag: press on the card, move a few pixels so SortableJS starts dragging, glide to the target
     * list in steps (SortableJS looks for the list under the pointer every 50 ms), rest there, and release.
     */
    private static void drag(WebDriver browser, WebElement handle, WebElement target) {
        WebElement list = target.findElement(By.cssSelector(".deal-cards"));
        Actions actions =
                new Actions(browser).moveToElement(handle).clickAndHold().pause(Duration.ofMillis(100));
        for (int i = 0; i < 5; i++) {
            actions.moveByOffset(4, 2).pause(Duration.ofMillis(30));
        }
        actions.moveToElement(list)
                .pause(Duration.ofMillis(120))
                .moveByOffset(0, 5)
                .pause(Duration.ofMillis(120))
                .release()
                .perform();
    }

    /** Opens a record page until its htmx-loaded timeline shows what {@code done} expects; returns its text. */
    private String awaitTimeline(WebDriver browser, String path, Function<String, Boolean> done) {
        return new WebDriverWait(browser, WAIT)
                .pollingEvery(Duration.ofMillis(250))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> {
                    if (!pathOf(d).equals(path)) {
                        d.get(url(path));
                    }
                    List<WebElement> timeline =
                            now(d, () -> d.findElements(By.cssSelector(".timeline-card .timeline")));
                    String text = timeline.isEmpty() ? "" : timeline.getFirst().getText();
                    if (done.apply(text)) {
                        return text;
                    }
                    boolean empty = !now(d, () -> d.findElements(By.cssSelector(".timeline-card .muted")))
                            .isEmpty();
                    if (empty || !timeline.isEmpty()) {
                        d.navigate().refresh(); // loaded, but the event has not been stored yet
                    }
                    return null;
                });
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void scrollIntoView(WebDriver browser, By locator) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'start'});", browser.findElement(locator));
    }

    private static void assertNoCspViolations(ChromeDriver browser) {
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertThat(violations).isEmpty();
    }
}
