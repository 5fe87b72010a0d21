package io.team365.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The buffer-at-a-time decoder gives what Jakarta Mail's byte-at-a-time one gives, and is as lenient. */
class QuotedPrintableInputStreamTests {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "caf=C3=A9 na=c3=afve|café naïve",
                "soft=\\r\\nbreak|softbreak",
                "soft=\\nbreak, bare LF|softbreak, bare LF",
                "padded soft=  \\t\\r\\nbreak|padded softbreak",
                "trailing spaces   \\r\\nnext line|trailing spaces\\r\\nnext line",
                "trailing tab\\t\\nnext|trailing tab\\nnext",
                "spaces inside  stay|spaces inside  stay",
                "not an escape: 1+1=2, =ZZ, =4|not an escape: 1+1=2, =ZZ, =4",
                "a lone = before CR\\r|a lone = before CR\\r",
                "ends in a soft break=|ends in a soft break",
                "ends in a soft break after padding= \\t|ends in a soft break after padding",
                "ends in spaces   |ends in spaces",
                "=3D is an equals sign|= is an equals sign",
                "\"\"|\"\""
            })
    void decodes(String encoded, String expected) throws IOException {
        byte[] input = unescape(encoded).getBytes(StandardCharsets.ISO_8859_1);
        String text = new String(decode(input, 1 << 20), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo(unescape(expected));
        // read one byte at a time, every boundary falls inside an escape or a line end once
        assertThat(new String(decode(input, 1), StandardCharsets.UTF_8)).isEqualTo(unescape(expected));
    }

    @Test
    void givesWhatJakartaMailGivesForEncodedBinaryAndText() throws Exception {
        Random random = new Random(20261202L);
        for (int round = 0; round < 300; round++) {
            boolean text = random.nextBoolean();
            byte[] original = sample(random, random.nextInt(40_000), text);
            byte[] bytes = encode(original);

            // the encoder takes bare CRs and LFs for line breaks (it writes CRLF), so only text round-trips exactly
            if (text) {
                assertThat(decode(bytes, 1 + random.nextInt(9000))).isEqualTo(original);
            }
            assertThat(decode(bytes, 1 + random.nextInt(9000))).isEqualTo(jakartaMail(bytes));
        }
    }

    @Test
    void aWhitespaceRunLongerThanTheBufferIsContent() throws IOException {
        byte[] input = ("x" + " ".repeat(20_000) + "y").getBytes(StandardCharsets.US_ASCII);

        assertThat(decode(input, 4096)).isEqualTo(input);
    }

    @Test
    void aVeryLongWhitespaceRunIsReadInLinearTime() {
        // 4 MB of spaces: handed out a byte per buffer refill, as before, this took minutes
        byte[] input = ("x" + " ".repeat(4_000_000) + "y").getBytes(StandardCharsets.US_ASCII);

        byte[] decoded = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20), () -> decode(input, 1 << 16));

        assertThat(decoded).isEqualTo(input);
    }

    @Test
    void theSingleByteReadAgreesWithTheBulkOne() throws IOException {
        byte[] input = "Gr=C3=BC=C3=9Fe=\r\n aus K=C3=B6ln  \r\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new QuotedPrintableInputStream(new ByteArrayInputStream(input))) {
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
            }
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Grüße aus Köln\r\n");
    }

    /**
     * Bytes with line breaks, runs of spaces and tabs, '=' and bytes above 127; as text, its line breaks are CRLF
     * only, otherwise lone CRs and LFs come too.
     */
    private static byte[] sample(Random random, int length, boolean text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (bytes.size() < length) {
            int kind = random.nextInt(20);
            if (text && kind < 2) {
                bytes.writeBytes(new byte[] {'\r', '\n'});
                continue;
            }
            bytes.write(
                    switch (kind) {
                        case 0 -> '\r';
                        case 1 -> '\n';
                        case 2, 3 -> ' ';
                        case 4 -> '=';
                        case 5 -> '\t';
                        case 6 -> 128 + random.nextInt(128);
                        default -> 'a' + random.nextInt(26);
                    });
        }
        return bytes.toByteArray();
    }

    private static byte[] encode(byte[] original) throws Exception {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (OutputStream qp = MimeUtility.encode(encoded, "quoted-printable")) {
            qp.write(original);
        }
        return encoded.toByteArray();
    }

    private static byte[] decode(byte[] input, int readSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new QuotedPrintableInputStream(new TrickleInputStream(input, readSize))) {
            byte[] buffer = new byte[Math.max(1, readSize)];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static byte[] jakartaMail(byte[] input) throws Exception {
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(input), "quoted-printable")) {
            return in.readAllBytes();
        }
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }

    /** A source that hands out at most a few bytes per read, as a network stream may. */
    private static final class TrickleInputStream extends ByteArrayInputStream {
        private final int most;

        TrickleInputStream(byte[] bytes, int most) {
            super(bytes);
            this.most = most;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, most));
        }
    }
}
