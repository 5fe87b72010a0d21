package io.team365.mail;

import static io.team365.support.Chromium.overflowing;
import static io.team365.support.Chromium.pathOf;
import static io.team365.support.Chromium.screenshot;
import static io.team365.support.Chromium.waitText;
import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Chromium;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser journey, through the pages only: sign in, create a contact, connect an IMAP+SMTP mailbox on
 * GreenMail from Settings → Mail accounts (test, then connect), let the real sync bring in a message from the
 * contact, find it on the contact's timeline, open the thread (which sets \Seen on the server), reply, and see the
 * reply arrive at GreenMail's SMTP with its threading headers and shown as sent in the thread; then the inbox and the
 * thread at a phone's width.
 */
class MailAccountBrowserJourneyTests extends MailClientTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PASSWORD = "journey pw 9";

    @Test
    void connectAMailboxSeeTheThreadOnTheContactsTimelineAndReply() throws Exception {
        SignedUp owner = signUpAndVerify("Mailbox Journey Co");
        String me = uniqueEmail("olive");
        String greta = uniqueEmail("greta");
        String originalId = "journey-" + UUID.randomUUID() + "@partner.test";
        box.setUser(me, me, PASSWORD);
        ChromeDriver browser = Chromium.start(1280, 900);
        try {
            signIn(browser, owner);

            // 1. a contact, through its form
            browser.get(url("/contacts/new"));
            browser.findElement(By.id("firstName")).sendKeys("Greta");
            browser.findElement(By.id("lastName")).sendKeys("Grain");
            browser.findElement(By.id("email")).sendKeys(greta);
            browser.findElement(By.xpath("//button[text()='Create contact']")).click();
            assertThat(waitText(browser, By.tagName("h1"), "Greta Grain")).contains("Greta Grain");
            String contactPath = pathOf(browser);
            assertThat(contactPath).matches("/contacts/[0-9a-f-]{36}");

            // 2. Settings → Mail accounts: fill the IMAP+SMTP form, test it, connect
            browser.findElement(By.linkText("Settings")).click();
            browser.findElement(By.linkText("Mail accounts")).click();
            assertThat(waitText(browser, By.tagName("h2"), "Mail accounts")).contains("Mail accounts");
            assertThat(browser.findElement(By.cssSelector(".settings")).getText())
                    .contains("No mailbox connected")
                    .doesNotContain(me);
            fillConnectForm(browser, me);
            browser.findElement(By.xpath("//button[text()='Test connection']")).click();
            assertThat(waitText(browser, By.cssSelector(".alert.success"), "The connection works"))
                    .contains("The connection works");
            assertThat(browser.findElement(By.id("password")).getAttribute("value"))
                    .as("the password is never sent back to the page")
                    .isEmpty();
            assertThat(browser.findElement(By.id("imapHost")).getAttribute("value"))
                    .isEqualTo("127.0.0.1");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.xpath("//button[text()='Connect']")).click();
            assertThat(waitText(browser, By.cssSelector(".alert.success"), "Mailbox connected"))
                    .contains("Mailbox connected");
            assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo(me);
            String accountPath = pathOf(browser);
            assertThat(accountPath).matches("/settings/mail/accounts/[0-9a-f-]{36}");
            browser.findElement(By.linkText("All mail accounts")).click();
            WebElement row = browser.findElement(By.xpath("//table//tr[.//a[text()='" + me + "']]"));
            assertThat(row.getText()).contains("IMAP");

            // 3. Greta writes; "Sync now" and the real sync worker bring the message in
            deliver(me, greta, originalId);
            browser.get(url(accountPath));
            browser.findElement(By.xpath("//button[text()='Sync now']")).click();
            assertThat(waitText(browser, By.cssSelector(".alert.success"), "A sync starts now"))
                    .contains("A sync starts now");
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .pollingEvery(Duration.ofMillis(500))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        d.navigate().refresh();
                        return d.findElement(By.cssSelector("p.muted .badge"))
                                        .getText()
                                        .equals("Connected")
                                && d.findElement(By.cssSelector("p.muted"))
                                        .getText()
                                        .contains("Last synced");
                    });

            // 4. the contact's timeline shows the email, linked to its thread
            String timeline = awaitTimeline(browser, contactPath, "Can we visit the workshop on Friday?");
            assertThat(timeline).contains("received an email").contains("Can we visit the workshop on Friday?");
            WebElement entry = browser.findElement(By.linkText("Can we visit the workshop on Friday?"));
            String threadPath = java.net.URI.create(entry.getAttribute("href")).getPath();
            assertThat(threadPath).matches("/mail/threads/[0-9a-f-]{36}");
            assertThat(seenOnServer(me, originalId)).as("not read yet").isFalse();
            entry.click();
            assertThat(waitText(browser, By.tagName("h1"), "Can we visit the workshop on Friday?"))
                    .contains("Can we visit the workshop on Friday?");
            assertThat(browser.findElement(By.cssSelector(".mail-body, .mail-text"))
                            .getText())
                    .contains("Would ten o'clock suit you?");
            // opening the thread marks it read, here and (by the flag worker) on the server
            Awaitility.await()
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> seenOnServer(me, originalId));

            // 5. reply from the thread
            browser.findElement(By.linkText("Reply")).click();
            waitText(browser, By.tagName("h1"), "Reply");
            assertThat(browser.findElement(By.id("to")).getAttribute("value")).contains(greta);
            assertThat(browser.findElement(By.id("subject")).getAttribute("value"))
                    .isEqualTo("Re: Can we visit the workshop on Friday?");
            assertThat(new Select(browser.findElement(By.id("accountId")))
                            .getFirstSelectedOption()
                            .getText())
                    .contains(me);
            browser.findElement(By.id("body")).sendKeys("Friday at ten works, see you then.");
            browser.findElement(By.xpath("//button[text()='Send']")).click();
            waitText(browser, By.cssSelector(".alert.success"), "on its way");
            assertThat(pathOf(browser)).isEqualTo(threadPath);
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("Friday at ten works");

            // ... received by GreenMail's SMTP, threaded under Greta's message
            MimeMessage received = Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> box.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(greta), m -> true)
                                    .toList(),
                            list -> list.size() == 1)
                    .getFirst();
            assertThat(received.getHeader("In-Reply-To")).containsExactly("<" + originalId + ">");
            assertThat(String.join(" ", received.getHeader("References"))).contains("<" + originalId + ">");
            assertThat(received.getSubject()).isEqualTo("Re: Can we visit the workshop on Friday?");
            assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo(me);
            assertThat(plainText(received)).contains("Friday at ten works");

            // ... and shown in the thread as sent
            String status = new WebDriverWait(browser, WAIT)
                    .pollingEvery(Duration.ofMillis(300))
                    .ignoring(NoSuchElementException.class)
                    .until(d -> {
                        d.navigate().refresh();
                        String text = d.findElement(By.cssSelector(".mail-send-status"))
                                .getText();
                        return text.contains("Sent") ? text : null;
                    });
            assertThat(status).contains("Sent");
            List<WebElement> messages = browser.findElements(By.cssSelector("article.mail-message"));
            assertThat(messages).hasSize(2);
            assertThat(messages.get(1).getText()).contains("Friday at ten works");
            screenshot(browser, "mail-journey-thread.png");

            // 6. the inbox and the thread at a phone's width
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(url("/mail"));
            assertThat(waitText(browser, By.cssSelector(".mail-list"), "Can we visit the workshop"))
                    .contains("Can we visit the workshop");
            assertThat(overflowing(browser)).as("the inbox fits a phone").isEmpty();
            screenshot(browser, "mail-journey-inbox-phone.png");
            browser.get(url(threadPath));
            waitText(browser, By.tagName("main"), "Friday at ten works");
            assertThat(overflowing(browser)).as("the thread fits a phone").isEmpty();
            screenshot(browser, "mail-journey-thread-phone.png");

            List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                    .toList();
            assertThat(violations).isEmpty();
        } finally {
            browser.quit();
        }
    }

    private void fillConnectForm(WebDriver browser, String me) {
        browser.findElement(By.id("email")).sendKeys(me);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("displayName")).sendKeys("Olive Owner");
        browser.findElement(By.id("imapHost")).sendKeys("127.0.0.1");
        replace(browser.findElement(By.id("imapPort")), String.valueOf(imapPort()));
        new Select(browser.findElement(By.id("imapSecurity"))).selectByValue("none");
        browser.findElement(By.id("smtpHost")).sendKeys("127.0.0.1");
        replace(browser.findElement(By.id("smtpPort")), String.valueOf(smtpPort()));
        new Select(browser.findElement(By.id("smtpSecurity"))).selectByValue("none");
    }

    private static void replace(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    /** Greta's message, put in the mailbox's INBOX as her server would deliver it. */
    private void deliver(String me, String greta, String messageId) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() {
                // keep the test's own Message-ID
            }
        };
        message.setFrom(new InternetAddress(greta, "Greta Grain"));
        message.setRecipients(Message.RecipientType.TO, me);
        message.setSubject("Can we visit the workshop on Friday?", "UTF-8");
        message.setText("Hello Olive,\n\nWould ten o'clock suit you?\n\nGreta", "UTF-8");
        message.setSentDate(new java.util.Date());
        message.saveChanges();
        message.setHeader("Message-ID", "<" + messageId + ">");
        box.getUserManager().getUser(me).deliver(message);
    }

    /** The message's text/plain part, wherever it sits in its multiparts. */
    private static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** Whether the message carries \Seen in the mailbox's INBOX on the server. */
    private boolean seenOnServer(String me, String messageId) throws Exception {
        try (jakarta.mail.Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", imapPort(), me, PASSWORD);
            jakarta.mail.Folder inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            try {
                return Arrays.stream(inbox.getMessages())
                        .filter(m -> {
                            try {
                                return ("<" + messageId + ">").equals(((MimeMessage) m).getMessageID());
                            } catch (jakarta.mail.MessagingException e) {
                                return false;
                            }
                        })
                        .findFirst()
                        .orElseThrow()
                        .isSet(Flags.Flag.SEEN);
            } finally {
                inbox.close(false);
            }
        }
    }

    private void signIn(WebDriver browser, SignedUp owner) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(owner.email());
        browser.findElement(By.id("password")).sendKeys(owner.password());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(waitText(browser, By.tagName("h1"), "Welcome")).startsWith("Welcome");
    }

    /** Opens the record page until its htmx-loaded timeline holds {@code expected}; returns the timeline's text. */
    private String awaitTimeline(WebDriver browser, String path, String expected) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .pollingEvery(Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> {
                    if (!pathOf(d).equals(path)) {
                        d.get(url(path));
                    }
                    String text =
                            d.findElement(By.cssSelector(".timeline-card")).getText();
                    if (text.contains(expected)) {
                        return text;
                    }
                    boolean loaded = !d.findElements(
                                    By.cssSelector(".timeline-card ol.timeline, .timeline-card p.muted"))
                            .isEmpty();
                    if (loaded) {
                        d.navigate().refresh(); // the sync has not linked it yet
                    }
                    return null;
                });
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
