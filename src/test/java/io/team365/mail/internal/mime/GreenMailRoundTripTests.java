package io.team365.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The corpus delivered to a GreenMail mailbox and fetched over IMAP with Jakarta Mail: the parser sees the same
 * IMAPMessage type the sync does (parts described by the server's BODYSTRUCTURE, contents fetched per part).
 */
class GreenMailRoundTripTests {

    private static final String[] FILES = {
        "alternative.eml",
        "nested-related.eml",
        "rfc2231.eml",
        "charset-koi8-r.eml",
        "charset-iso-2022-jp.eml",
        "encoded-headers.eml",
        "malformed-broken-base64.eml",
        "rfc822-attached.eml",
        "html-only.eml"
    };

    private static final long LARGE_BLOCKS = 150_000; // 8.5 MB decoded

    private static GreenMail greenMail;
    private static Store store;
    private static Folder inbox;
    private static final Map<String, Message> messages = new HashMap<>();

    @BeforeAll
    static void deliverAndFetch() throws Exception {
        greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
        GreenMailUser bob = greenMail.setUser("bob@example.org", "bob", "secret");
        for (String file : FILES) {
            bob.deliver(Corpus.message(file));
        }
        bob.deliver(new MimeMessage(Corpus.SESSION, GeneratedMessageStream.withAttachment(LARGE_BLOCKS)));
        Properties properties = new Properties();
        // GreenMail serves each partial FETCH by rendering the whole part: 16 KB chunks (the default) would make
        // this test quadratic. Parts still stream, in 1 MB chunks.
        properties.put("mail.imap.fetchsize", "1048576");
        Session session = Session.getInstance(properties);
        store = session.getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "bob", "secret");
        inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        for (Message message : inbox.getMessages()) {
            messages.put(message.getHeader("Message-ID")[0], message);
        }
        assertThat(messages).hasSize(FILES.length + 1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (inbox != null && inbox.isOpen()) {
            inbox.close(false);
        }
        if (store != null) {
            store.close();
        }
        greenMail.stop();
    }

    private static ParsedMessage fetchAndParse(String messageId, RecordingSink sink) throws Exception {
        MimeMessage message = (MimeMessage) messages.get(messageId);
        assertThat(message.getClass().getName()).isEqualTo("org.eclipse.angus.mail.imap.IMAPMessage");
        return new MimeMessageParser().parse(message, sink);
    }

    @Test
    void alternativeOverImap() throws Exception {
        ParsedMessage parsed = fetchAndParse("<plan-1@example.com>", new RecordingSink());

        assertThat(parsed.messageId()).isEqualTo("plan-1@example.com");
        assertThat(parsed.references()).containsExactly("root@example.com", "middle@example.com");
        assertThat(parsed.bodyText()).contains("attached – see you on Monday.");
        assertThat(parsed.bodyHtml()).contains("<b>Bob</b>").doesNotContain("script");
        assertThat(parsed.hasRemoteImages()).isTrue();
        assertThat(parsed.size()).isGreaterThan(500);
    }

    @Test
    void nestedPartsAndAttachmentsOverImap() throws Exception {
        RecordingSink sink = new RecordingSink();
        ParsedMessage parsed = fetchAndParse("<nested@example.com>", sink);

        assertThat(parsed.bodyText()).isEqualTo("See our logo below.");
        assertThat(parsed.bodyHtml()).contains("data-cid=\"logo@example.com\"");
        assertThat(parsed.attachments())
                .extracting(ParsedMessage.Attachment::fileName)
                .containsExactly("attachment-1.png", "contract.pdf", "attachment-3.bin");
        assertThat(parsed.attachments().getFirst().contentId()).isEqualTo("logo@example.com");
        assertThat(parsed.attachments().getFirst().inline()).isTrue();
        assertThat(new String(sink.received.get(1).head(), StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-1.4 fake contract\n");
        assertThat(sink.received.getFirst().size()).isEqualTo(70);
    }

    @Test
    void fileNamesFromTheServersBodystructure() throws Exception {
        ParsedMessage parsed = fetchAndParse("<rfc2231@example.com>", new RecordingSink());

        assertThat(parsed.attachments())
                .extracting(ParsedMessage.Attachment::fileName)
                .containsExactly("Präsentation €.pdf", "Grüße aus Köln.txt", "Отчёт.xlsx", "report final.pdf");
    }

    @Test
    void charsetsAndEncodedHeadersOverImap() throws Exception {
        assertThat(fetchAndParse("<charset-koi8-r@example.com>", new RecordingSink())
                        .bodyText())
                .isEqualTo("Привет, как дела?");
        assertThat(fetchAndParse("<charset-iso-2022-jp@example.com>", new RecordingSink())
                        .bodyText())
                .isEqualTo("お世話になっております。");
        ParsedMessage encoded = fetchAndParse("encoded@example.com", new RecordingSink());
        assertThat(encoded.subject()).isEqualTo("日本語 and café mixed ✓😀okbadpa");
        assertThat(encoded.from()).isEqualTo(new MailAddress("André Müller", "andre@example.com"));
    }

    @Test
    void brokenContentAndAttachedMessagesOverImap() throws Exception {
        RecordingSink sink = new RecordingSink();
        ParsedMessage broken = fetchAndParse("<broken64@example.com>", sink);
        assertThat(broken.bodyText()).startsWith("Hello world");
        assertThat(sink.received.getFirst().head()).startsWith(0x89, 'P', 'N', 'G');

        RecordingSink forwarded = new RecordingSink();
        ParsedMessage parsed = fetchAndParse("<forward@example.com>", forwarded);
        assertThat(parsed.attachments())
                .singleElement()
                .satisfies(a -> assertThat(a.contentType()).isEqualTo("message/rfc822"));
        assertThat(new String(forwarded.received.getFirst().head(), StandardCharsets.UTF_8))
                .contains("Subject: The original")
                .contains("Original text.");

        ParsedMessage htmlOnly = fetchAndParse("<html-only@example.com>", new RecordingSink());
        assertThat(htmlOnly.bodyText()).startsWith("Newsletter\n").doesNotContain("secret");
    }

    @Test
    void largeAttachmentStreamsOverImap() throws Exception {
        RecordingSink sink = new RecordingSink();
        ParsedMessage parsed = fetchAndParse("<huge@example.com>", sink);

        assertThat(parsed.bodyText()).isEqualTo("See the attached video.");
        long size = LARGE_BLOCKS * GeneratedMessageStream.BLOCK.length;
        assertThat(parsed.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("video.mp4");
            assertThat(attachment.stored().size()).isEqualTo(size);
        });
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        for (long i = 0; i < LARGE_BLOCKS; i++) {
            sha256.update(GeneratedMessageStream.BLOCK);
        }
        assertThat(parsed.attachments().getFirst().stored().sha256())
                .isEqualTo(java.util.HexFormat.of().formatHex(sha256.digest()));
    }
}
