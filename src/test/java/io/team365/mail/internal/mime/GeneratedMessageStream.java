package io.team365.mail.internal.mime;

import jakarta.mail.internet.SharedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A message of any size that exists only as a formula: headers, then one base64 line repeated, then the closing
 * boundary. It is a {@link SharedInputStream}, like the file- or IMAP-backed streams a MimeMessage reads big
 * messages from, so Jakarta Mail never copies it into memory; only the parser could.
 */
final class GeneratedMessageStream extends InputStream implements SharedInputStream {

    static final byte[] BLOCK = new byte[57]; // 57 bytes are exactly one 76 character base64 line

    static {
        for (int i = 0; i < BLOCK.length; i++) {
            BLOCK[i] = (byte) (i * 37 + 11);
        }
    }

    private final byte[] prefix;
    private final byte[] line;
    private final byte[] suffix;
    private final long lines;
    private final long start;
    private final long end;
    private long position;
    private long mark;

    /** A multipart/mixed message with a short text part and an attachment of {@code blocks} × 57 bytes. */
    static GeneratedMessageStream withAttachment(long blocks) {
        String prefix = """
                From: big@example.com\r
                To: bob@example.org\r
                Subject: A very large attachment\r
                Message-ID: <huge@example.com>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="huge"\r
                \r
                --huge\r
                Content-Type: text/plain\r
                \r
                See the attached video.\r
                --huge\r
                Content-Type: video/mp4; name="video.mp4"\r
                Content-Disposition: attachment; filename="video.mp4"\r
                Content-Transfer-Encoding: base64\r
                \r
                """;
        byte[] line = (Base64.getEncoder().encodeToString(BLOCK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return new GeneratedMessageStream(
                prefix.getBytes(StandardCharsets.US_ASCII),
                line,
                "--huge--\r\n".getBytes(StandardCharsets.US_ASCII),
                blocks,
                0,
                -1);
    }

    private GeneratedMessageStream(byte[] prefix, byte[] line, byte[] suffix, long lines, long start, long end) {
        this.prefix = prefix;
        this.line = line;
        this.suffix = suffix;
        this.lines = lines;
        this.start = start;
        this.end = end < 0 ? prefix.length + lines * line.length + suffix.length : end;
        this.position = start;
        this.mark = start;
    }

    private byte at(long p) {
        if (p < prefix.length) {
            return prefix[(int) p];
        }
        long q = p - prefix.length;
        long body = lines * line.length;
        if (q < body) {
            return line[(int) (q % line.length)];
        }
        return suffix[(int) (q - body)];
    }

    @Override
    public int read() {
        return position >= end ? -1 : at(position++) & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int n = (int) Math.min(length, end - position);
        for (int i = 0; i < n; i++) {
            target[offset + i] = at(position++);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int limit) {
        mark = position;
    }

    @Override
    public synchronized void reset() {
        position = mark;
    }

    @Override
    public long getPosition() {
        return position - start;
    }

    @Override
    public InputStream newStream(long from, long to) {
        return new GeneratedMessageStream(prefix, line, suffix, lines, start + from, to < 0 ? end : start + to);
    }
}
