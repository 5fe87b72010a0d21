package io.team365.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser over the .eml corpus in src/test/resources/mail: plain JUnit, no Spring. */
class MimeMessageParserTests {

    @Test
    void alternativeGivesBothBodiesAndThreadingHeaders() throws Exception {
        ParsedMessage parsed = Corpus.parse("alternative.eml");

        assertThat(parsed.messageId()).isEqualTo("plan-1@example.com");
        assertThat(parsed.inReplyTo()).isEqualTo("root@example.com");
        assertThat(parsed.references()).containsExactly("root@example.com", "middle@example.com");
        assertThat(parsed.subject()).isEqualTo("Quarterly plan");
        assertThat(parsed.from()).isEqualTo(new MailAddress("Alice Example", "alice@example.com"));
        assertThat(parsed.to()).containsExactly(new MailAddress(null, "bob@example.org"));
        assertThat(parsed.sentAt()).isEqualTo(Instant.parse("2026-12-01T09:15:00Z"));
        assertThat(parsed.bodyText()).startsWith("Hello Bob,").contains("attached – see you on Monday.");
        assertThat(parsed.bodyHtml())
                .contains("<b>Bob</b>")
                .doesNotContain("script")
                .doesNotContain("alert");
        assertThat(parsed.bodyHtml())
                .contains("data-remote-src=\"https://tracker.example.net/p.gif\"")
                .doesNotContain(" src=");
        assertThat(parsed.hasRemoteImages()).isTrue();
        assertThat(parsed.snippet()).isEqualTo("Hello Bob, the plan is attached – see you on Monday.");
        assertThat(parsed.attachments()).isEmpty();
        assertThat(parsed.size()).isPositive();
    }

    @Test
    void nestedMixedRelatedKeepsInlineImageAndAttachmentsInOrder() throws Exception {
        RecordingSink sink = new RecordingSink();
        ParsedMessage parsed = Corpus.parse("nested-related.eml", sink);

        assertThat(parsed.bodyText()).isEqualTo("See our logo below.");
        assertThat(parsed.bodyHtml())
                .contains("data-cid=\"logo@example.com\"")
                .contains("rel=\"noopener noreferrer nofollow\"")
                .contains("target=\"_blank\"")
                .doesNotContain("onclick")
                .doesNotContain("cid:");
        assertThat(parsed.hasRemoteImages()).isFalse();
        List<ParsedMessage.Attachment> attachments = parsed.attachments();
        assertThat(attachments).extracting(ParsedMessage.Attachment::position).containsExactly(0, 1, 2);
        assertThat(attachments)
                .extracting(ParsedMessage.Attachment::fileName)
                .containsExactly("attachment-1.png", "contract.pdf", "attachment-3.bin");
        assertThat(attachments.get(0).contentId()).isEqualTo("logo@example.com");
        assertThat(attachments.get(0).inline()).isTrue();
        assertThat(attachments.get(0).contentType()).isEqualTo("image/png");
        assertThat(attachments.get(1).inline()).isFalse();
        assertThat(attachments.get(1).contentType()).isEqualTo("application/pdf");
        assertThat(new String(sink.received.get(1).head(), StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-1.4 fake contract\n");
        assertThat(attachments.get(0).stored().size())
                .isEqualTo(sink.received.get(0).size())
                .isEqualTo(70);
        assertThat(attachments.get(0).stored().sha256()).hasSize(64);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "iso-8859-1   | Café crème, naïve façade — 5 €  | Café crème",
                "windows-1252 | Smart “quotes” and 5 € – fine   | Smart “q",
                "koi8-r       | Привет, как дела?               | Привет, ",
                "shift_jis    | こんにちは、会議の件です。        | こんにちは、会議",
                "iso-2022-jp  | お世話になっております。          | お世話になってお",
                "gb2312       | 你好，这是一个测试。             | 你好，这是一个测",
                "big5         | 您好，這是一個測試。             | 您好，這是一個測"
            })
    void decodesBodiesAndSubjectsInLegacyCharsets(String charset, String body, String subject) throws Exception {
        ParsedMessage parsed = Corpus.parse("charset-" + charset + ".eml");

        assertThat(parsed.bodyText()).isEqualTo(body);
        assertThat(parsed.subject()).isEqualTo(subject);
        assertThat(parsed.messageId()).isEqualTo("charset-" + charset + "@example.com");
    }

    @Test
    void guessesUndeclaredAndUnknownCharsets() throws Exception {
        ParsedMessage parsed = Corpus.parse("undeclared-charset.eml");

        assertThat(parsed.bodyText()).isEqualTo("Grüße aus Köln\n\nGrüße aus Köln");
    }

    @Test
    void readsTheCharsetOfAnHtmlPartFromItsMetaTagAndMakesTextWithLineBreaks() throws Exception {
        ParsedMessage parsed = Corpus.parse("html-meta-charset.eml");

        assertThat(parsed.bodyHtml()).contains("Привет");
        assertThat(parsed.bodyText()).isEqualTo("Title\nПривет\n\n- one\n- two\na b\nLine\nbreak");
    }

    @Test
    void htmlOnlyMessageGetsTextWithoutScriptsOrStyles() throws Exception {
        ParsedMessage parsed = Corpus.parse("html-only.eml");

        assertThat(parsed.bodyText())
                .isEqualTo("Newsletter\nFirst\u00a0paragraph spread over lines.\n\n- one\n- two\nLast\nline");
        assertThat(parsed.bodyText()).doesNotContain("secret").doesNotContain("color");
        assertThat(parsed.bodyHtml())
                .doesNotContain("<style")
                .doesNotContain("secret")
                .doesNotContain("<title");
        assertThat(parsed.snippet())
                .isEqualTo("Newsletter First\u00a0paragraph spread over lines. - one - two Last line");
    }

    @Test
    void utf7IsShownRaw() throws Exception {
        assertThat(Corpus.parse("utf7.eml").bodyText()).isEqualTo("Hi Mom -+Jjo--!");
    }

    @Test
    void decodesEncodedWordsAddressesAndIdsWithoutBrackets() throws Exception {
        ParsedMessage parsed = Corpus.parse("encoded-headers.eml");

        assertThat(parsed.subject()).isEqualTo("日本語 and café mixed ✓😀okbadpa");
        assertThat(parsed.from()).isEqualTo(new MailAddress("André Müller", "andre@example.com"));
        assertThat(parsed.to())
                .containsExactly(
                        new MailAddress("山田", "yamada@example.jp"),
                        new MailAddress(null, "carol@example.com"),
                        new MailAddress("Dan, Jr.", "dan@example.com"),
                        new MailAddress("René", "rene@example.fr"));
        assertThat(parsed.cc())
                .containsExactly(
                        new MailAddress(null, "eve@example.com"),
                        new MailAddress("Frank Old Style", "frank@example.com"));
        assertThat(parsed.replyTo()).containsExactly(new MailAddress("Support Team", "support@example.com"));
        assertThat(parsed.messageId()).isEqualTo("encoded@example.com");
        assertThat(parsed.inReplyTo()).isEqualTo("previous@example.com");
        assertThat(parsed.references()).containsExactly("a@example.com", "b@example.com");
    }

    @Test
    void repairsRawUtf8Headers() throws Exception {
        ParsedMessage parsed = Corpus.parse("raw-utf8-headers.eml");

        assertThat(parsed.subject()).isEqualTo("Grüße – raw UTF-8");
        assertThat(parsed.from()).isEqualTo(new MailAddress("Jürgen Groß", "juergen@example.de"));
    }

    @Test
    void decodesRfc2231AndEncodedWordFileNames() throws Exception {
        RecordingSink sink = new RecordingSink();
        ParsedMessage parsed = Corpus.parse("rfc2231.eml", sink);

        assertThat(parsed.bodyText()).isEqualTo("Four files.");
        assertThat(parsed.attachments())
                .extracting(ParsedMessage.Attachment::fileName)
                .containsExactly("Präsentation €.pdf", "Grüße aus Köln.txt", "Отчёт.xlsx", "report final.pdf");
        assertThat(parsed.attachments())
                .extracting(ParsedMessage.Attachment::contentType)
                .containsExactly(
                        "application/pdf",
                        "text/plain",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "application/pdf");
        assertThat(sink.received)
                .extracting(r -> new String(r.head(), StandardCharsets.US_ASCII))
                .containsExactly("one", "two", "three", "four");
    }

    @Test
    void makesAStableIdWhenMessageIdIsMissing() throws Exception {
        ParsedMessage first = Corpus.parse("no-message-id.eml");
        ParsedMessage again = Corpus.parse("no-message-id.eml");

        assertThat(first.messageId()).matches("team365-[0-9a-f]{40}@generated\\.invalid");
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(MimeMessageParser.generatedId("d", "f", "s", 1))
                .isNotEqualTo(MimeMessageParser.generatedId("d", "f", "s", 2))
                .isNotEqualTo(MimeMessageParser.generatedId("d", "f", "t", 1));
        assertThat(first.sentAt()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
    }

    @Test
    void unreadableDateIsNull() throws Exception {
        ParsedMessage parsed = Corpus.parse("bad-date.eml");

        assertThat(parsed.sentAt()).isNull();
        assertThat(parsed.bodyText()).isEqualTo("Body.");
    }

    @Test
    void missingClosingBoundaryKeepsWhatArrivedWithANote() throws Exception {
        RecordingSink sink = new RecordingSink();
        ParsedMessage parsed = Corpus.parse("malformed-no-closing-boundary.eml", sink);

        assertThat(parsed.bodyText())
                .startsWith("The first part arrived.")
                .contains("[This message ends before its last part; what arrived is shown.]");
        assertThat(parsed.snippet()).isEqualTo("The first part arrived.");
        assertThat(parsed.attachments())
                .extracting(ParsedMessage.Attachment::fileName)
                .containsExactly("archive.zip");
        assertThat(sink.received.getFirst().head()).startsWith(0x50, 0x4B, 0x03, 0x04);
    }

    @Test
    void garbageHeadersStillGiveAMessage() throws Exception {
        ParsedMessage parsed = Corpus.parse("malformed-garbage-headers.eml");

        assertThat(parsed.subject()).isEqualTo("Garbage around");
        assertThat(parsed.from()).isEqualTo(new MailAddress("Alice", "alice@example.com"));
        assertThat(parsed.messageId()).isEqualTo("garbage@example.com");
        assertThat(parsed.bodyText()).isEqualTo("Still readable.");
    }

    @Test
    void brokenBase64IsDecodedAsFarAsPossible() throws Exception {
        RecordingSink sink = new RecordingSink();
        ParsedMessage parsed = Corpus.parse("malformed-broken-base64.eml", sink);

        assertThat(parsed.bodyText()).startsWith("Hello world").contains("Hello agai");
        assertThat(parsed.attachments()).hasSize(1);
        assertThat(sink.received.getFirst().head()).startsWith(0x89, 'P', 'N', 'G');
    }

    @ParameterizedTest
    @ValueSource(strings = {"malformed-no-boundary.eml", "malformed-missing-boundary-parameter.eml"})
    void multipartWithoutUsableBoundaryIsReadAsText(String file) throws Exception {
        ParsedMessage parsed = Corpus.parse(file);

        assertThat(parsed.bodyText()).containsAnyOf("Plain words where parts should be.", "Found anyway.");
        assertThat(parsed.attachments()).isEmpty();
    }

    @Test
    void attachedMessageIsAnAttachment() throws Exception {
        RecordingSink sink = new RecordingSink();
        ParsedMessage parsed = Corpus.parse("rfc822-attached.eml", sink);

        assertThat(parsed.bodyText()).isEqualTo("See the forwarded message.");
        assertThat(parsed.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.contentType()).isEqualTo("message/rfc822");
            assertThat(attachment.fileName()).isEqualTo("attachment-1.eml");
        });
        assertThat(new String(sink.received.getFirst().head(), StandardCharsets.UTF_8))
                .startsWith("From: Carol <carol@example.com>")
                .contains("Original text.");
    }

    @Test
    void signedMessageShowsSignedContentAndKeepsSignatureAndInviteAsAttachments() throws Exception {
        ParsedMessage parsed = Corpus.parse("signed.eml");

        assertThat(parsed.bodyText()).isEqualTo("Signed text.");
        assertThat(parsed.attachments())
                .extracting(ParsedMessage.Attachment::fileName, ParsedMessage.Attachment::contentType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("attachment-1.ics", "text/calendar"),
                        org.assertj.core.groups.Tuple.tuple("signature.asc", "application/pgp-signature"));
    }

    @Test
    void snippetIsCutAtAWordNear200Characters() {
        String text = "word ".repeat(100);

        String snippet = MimeMessageParser.snippet(text);

        assertThat(snippet).endsWith("word…").hasSizeLessThanOrEqualTo(201);
        assertThat(MimeMessageParser.snippet("  a \n\n b\t c ")).isEqualTo("a b c");
    }

    @Test
    void snippetOfALongTextIsTheSameAsCollapsingAllOfIt() {
        java.util.Random random = new java.util.Random(11);
        String[] pieces = {"word", " ", "\r\n", "\t\t", "  ", "ü", "\uD83D\uDE00", "\u2003", "x".repeat(30), "\f"};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round < 100 ? 120 : 3000);
            while (text.length() < length) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String whole = text.toString().replaceAll("\\s+", " ").strip();
            String expected = whole;
            if (whole.codePointCount(0, whole.length()) > 200) {
                String cut = whole.substring(0, whole.offsetByCodePoints(0, 200));
                int space = cut.lastIndexOf(' ');
                expected = (space > 160 ? cut.substring(0, space) : cut).strip() + "…";
            }
            assertThat(MimeMessageParser.snippet(text.toString()))
                    .as("text %s", text)
                    .isEqualTo(expected);
        }
        assertThat(MimeMessageParser.snippet("")).isEmpty();
        assertThat(MimeMessageParser.snippet(" \r\n\t ")).isEmpty();
    }
}
