package io.team365.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoding a body skips the clean-up pass only when the bytes show there is nothing to clean. */
class MailCharsetsCleanTests {

    @Test
    void controlCharactersGoWhateverTheCharset() {
        String dirty = "a\u0000b\u0007c\td\r\ne\u001Bf";
        for (String charset : new String[] {"utf-8", "iso-8859-1", "windows-1252", "utf-16", "utf-16le", "ibm037"}) {
            byte[] bytes = dirty.getBytes(Charset.forName(charset));

            assertThat(MailCharsets.decodeClean(bytes, charset)).as(charset).isEqualTo("abc\td\r\nef");
        }
    }

    @Test
    void cleanTextIsDecodedAsItIs() {
        String text = "Grüße, café – 日本語\r\n\ttabbed";
        for (String charset : new String[] {"utf-8", "utf-16", "gb18030"}) {
            byte[] bytes = text.getBytes(Charset.forName(charset));

            assertThat(MailCharsets.decodeClean(bytes, charset)).as(charset).isEqualTo(text);
        }
        // no charset declared: UTF-8 when the bytes are UTF-8
        assertThat(MailCharsets.decodeClean(text.getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo(text);
    }

    @Test
    void aBomIsDropped() {
        byte[] bom = "\uFEFFhello".getBytes(StandardCharsets.UTF_8);

        assertThat(MailCharsets.decodeClean(bom, "utf-8")).isEqualTo("hello");
    }
}
