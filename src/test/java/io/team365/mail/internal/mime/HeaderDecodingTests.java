package io.team365.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lenient header readers, one rule at a time. */
class HeaderDecodingTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "=?UTF-8?B?SGVsbG8=?=                              | Hello",
                "=?utf-8?q?caf=C3=A9_au_lait?=                     | café au lait",
                "=?iso-8859-1?Q?Gr=FC=DFe?= aus =?utf-8?Q?K=C3=B6ln?= | Grüße aus Köln",
                "=?utf-8?B?SGVs?=   =?utf-8?B?bG8=?=                | Hello",
                "prefix=?utf-8?Q?glued?=suffix                      | prefixgluedsuffix",
                "=?utf-8?Q?broken=ZZescape?=                        | broken=ZZescape",
                "=?utf-8?B?SGVsbG8?=                                | Hello",
                "=?no-such-charset?Q?plain?=                        | plain",
                "=?utf-8*en?Q?language?=                            | language",
                "=?koi8-r?B?8NLJ18XU?=                              | Привет",
                "=?gb2312?B?xOO6ww==?=                              | 你好",
                "=?utf-8?Q?unterminated                             | =?utf-8?Q?unterminated",
                "no words at all                                    | no words at all"
            })
    void decodesEncodedWordsLeniently(String raw, String decoded) {
        assertThat(EncodedWords.decode(raw)).isEqualTo(decoded);
    }

    @Test
    void unfoldsAndRemovesControlCharacters() {
        assertThat(EncodedWords.decode("a long\r\n subject\r\n\twith folds\u0000"))
                .isEqualTo("a long subject\twith folds".replace('\t', ' '));
    }

    @Test
    void resolvesCharsetAliasesTheWayMailReadersDo() {
        assertThat(MailCharsets.resolve("ISO-8859-1").name()).isEqualTo("windows-1252");
        assertThat(MailCharsets.resolve("us-ascii").name()).isEqualTo("windows-1252");
        assertThat(MailCharsets.resolve("\"gb2312\"").name()).isEqualTo("GBK");
        assertThat(MailCharsets.resolve("shift_jis").name()).isEqualTo("windows-31j");
        assertThat(MailCharsets.resolve("ks_c_5601-1987").name()).isEqualTo("x-windows-949");
        assertThat(MailCharsets.resolve("koi8-r").name()).isEqualTo("KOI8-R");
        assertThat(MailCharsets.resolve("utf8").name()).isEqualTo("UTF-8");
        assertThat(MailCharsets.resolve("utf-7")).isNull();
        assertThat(MailCharsets.resolve("x-made-up")).isNull();
        assertThat(MailCharsets.resolve("bad name with spaces")).isNull();
        assertThat(MailCharsets.resolve(null)).isNull();
        byte[] latin1 = "Köln".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MailCharsets.decode(latin1, null)).isEqualTo("Köln");
        assertThat(MailCharsets.decode("Köln".getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo("Köln");
        assertThat(MailCharsets.decode(new byte[] {(byte) 0x80}, "iso-8859-1")).isEqualTo("€");
    }

    @Test
    void readsStructuredHeadersWithRfc2231AndSloppyQuoting() {
        HeaderParameters type = HeaderParameters.parse("Text/HTML; Charset=\"UTF-8\"; name=\"a;b.html\"");
        assertThat(type.value()).isEqualTo("text/html");
        assertThat(type.get("charset")).isEqualTo("UTF-8");
        assertThat(type.get("name")).isEqualTo("a;b.html");

        HeaderParameters continued =
                HeaderParameters.parse("attachment; filename*1=\"part two.txt\"; filename*0*=utf-8''%E2%82%AC%20");
        assertThat(continued.get("filename")).isEqualTo("€ part two.txt");

        HeaderParameters both =
                HeaderParameters.parse("attachment; filename=\"fallback.txt\"; filename*=UTF-8''r%C3%A9el.txt");
        assertThat(both.get("filename")).isEqualTo("réel.txt");

        assertThat(HeaderParameters.parse("attachment; filename=two words.pdf").get("filename"))
                .isEqualTo("two words.pdf");
        assertThat(HeaderParameters.parse("inline; ; =x; filename").parameters())
                .isEmpty();
        assertThat(HeaderParameters.parse(null).value()).isNull();
        assertThat(HeaderParameters.parse("attachment; filename*=bogus'%ZZ").get("filename"))
                .isEqualTo("bogus'%ZZ");
    }

    @Test
    void readsAddressListsLeniently() {
        assertThat(HeaderFields.addresses("\"Smith, John\" <John.Smith@Example.com>, jane@example.com"))
                .containsExactly(
                        new MailAddress("Smith, John", "john.smith@example.com"),
                        new MailAddress(null, "jane@example.com"));
        assertThat(HeaderFields.addresses("Team: a@example.com, b@example.com;, c@example.com"))
                .extracting(MailAddress::address)
                .containsExactly("a@example.com", "b@example.com", "c@example.com");
        assertThat(HeaderFields.addresses("undisclosed-recipients:;")).isEmpty();
        assertThat(HeaderFields.addresses("Just A Name")).isEmpty();
        assertThat(HeaderFields.addresses("Broken <not closed@example.com"))
                .containsExactly(new MailAddress("Broken", "notclosed@example.com"));
        assertThat(HeaderFields.addresses("<@route.example:user@example.com>"))
                .containsExactly(new MailAddress(null, "user@example.com"));
        assertThat(HeaderFields.addresses("a@example.com, A@EXAMPLE.COM")).hasSize(1);
        assertThat(HeaderFields.addresses("\"x\" <" + "a".repeat(250) + "@example.com>"))
                .isEmpty();
        assertThat(HeaderFields.addresses(null)).isEmpty();
    }

    @Test
    void readsMessageIdsWithOrWithoutBrackets() {
        assertThat(HeaderFields.messageIds("<a@x> <b@x>\r\n <c@x>")).containsExactly("a@x", "b@x", "c@x");
        assertThat(HeaderFields.messageIds("a@x b@x")).containsExactly("a@x", "b@x");
        assertThat(HeaderFields.messageIds("<a@x>, <a@x>")).containsExactly("a@x");
        assertThat(HeaderFields.firstMessageId("<reply@x> (Joe's message of Monday)"))
                .isEqualTo("reply@x");
        assertThat(HeaderFields.firstMessageId("   ")).isNull();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            many.append("<id").append(i).append("@x> ");
        }
        assertThat(HeaderFields.references(many.toString()))
                .hasSize(HeaderFields.MAX_REFERENCES)
                .startsWith("id0@x")
                .endsWith("id79@x");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Tue, 1 Dec 2026 10:15:00 +0100          | 2026-12-01T09:15:00Z",
                "1 Dec 2026 10:15 -0000                  | 2026-12-01T10:15:00Z",
                "Tue, 01 Dec 2026 10:15:00 +0000 (UTC)   | 2026-12-01T10:15:00Z",
                "Tue, 1 Dec 2026 10:15:00 GMT            | 2026-12-01T10:15:00Z",
                "2026-12-01T10:15:00+01:00               | 2026-12-01T09:15:00Z"
            })
    void readsDates(String header, String instant) {
        assertThat(HeaderFields.date(header)).isEqualTo(Instant.parse(instant));
    }

    @Test
    void unreadableDatesAreNull() {
        assertThat(HeaderFields.date("yesterday")).isNull();
        assertThat(HeaderFields.date("")).isNull();
        assertThat(HeaderFields.date(null)).isNull();
    }

    @Test
    void base64StreamSurvivesGarbagePaddingAndTruncation() throws IOException {
        String encoded = "SGVs\r\nbG8=\r\n***IHdvcmxk\r\nIQ";
        byte[] decoded = new LenientBase64InputStream(
                        new ByteArrayInputStream(encoded.getBytes(StandardCharsets.US_ASCII)))
                .readAllBytes();
        assertThat(new String(decoded, StandardCharsets.US_ASCII)).isEqualTo("Hello world!");
    }

    @Test
    void onlyMailboxFailuresCountAsStoreFailures() {
        assertThat(StoreFailures.fromStore(new FolderClosedException(null, "closed")))
                .isTrue();
        assertThat(StoreFailures.fromStore(new MessagingException("IO Error", new SocketTimeoutException())))
                .isTrue();
        assertThat(StoreFailures.fromStore(new ParseException("bad header"))).isFalse();
        assertThat(StoreFailures.fromStore(new MessagingException("Missing start boundary")))
                .isFalse();
        assertThat(StoreFailures.isContentProblem(new IOException("connection reset")))
                .isFalse();
    }
}
