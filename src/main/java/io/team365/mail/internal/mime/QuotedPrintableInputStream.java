package io.team365.mail.internal.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes quoted-printable (RFC 2045, section 6.7) a buffer at a time: Jakarta Mail's decoder reads its source one
 * byte per call, which was the largest single cost of parsing a synced mailbox (ADR 0034). Lenient as mail must be:
 * an {@code =} not followed by two hex digits (either case) stays as it is, soft line breaks may carry transport
 * padding ({@code = \r\n}) or end in a bare LF, and whitespace at the end of a line is dropped, as the RFC asks.
 */
final class QuotedPrintableInputStream extends InputStream {

    private static final int SIZE = 8192;

    private final InputStream in;
    /** Encoded bytes read but not decoded yet: {@code input[start, end)}. */
    private final byte[] input = new byte[SIZE];

    private int start;
    private int end;
    private boolean eof;
    /** Decoded bytes not handed out yet: {@code output[position, limit)}; never more than the input they came from. */
    private final byte[] output = new byte[SIZE];

    private int position;
    private int limit;

    QuotedPrintableInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        while (position == limit) {
            if (!fill()) {
                return -1;
            }
        }
        return output[position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == limit) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(output, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads more and decodes what can be decoded; false at the end of the stream with nothing left. */
    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        if (start == end && eof) {
            return false;
        }
        System.arraycopy(input, start, input, 0, end - start);
        end -= start;
        start = 0;
        while (!eof && end < SIZE) {
            int n = in.read(input, end, SIZE - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
                if (n == 0 || end - start >= 512) {
                    break;
                }
            }
        }
        decode();
        if (limit == 0 && start == 0 && end == SIZE) {
            // a whitespace run (or an '=' and its padding) as long as the buffer: not a line's end worth waiting for,
            // it is content, handed out at once but for its last byte (byte by byte, a long run took quadratic time)
            System.arraycopy(input, 0, output, 0, SIZE - 1);
            limit = SIZE - 1;
            start = SIZE - 1;
        }
        return true;
    }

    private void decode() {
        int i = start;
        byte[] in = input;
        byte[] out = output;
        while (i < end) {
            // the bytes that stand for themselves (most of them), copied in a tight loop
            int o = limit;
            int e = end;
            byte b = 0;
            while (i < e) {
                b = in[i];
                if (b == '=' || b == ' ' || b == '\t') {
                    break;
                }
                out[o++] = b;
                i++;
            }
            limit = o;
            if (i == e) {
                break;
            }
            if (b == '=') {
                int next = escape(i);
                if (next < 0) {
                    break; // wait for more input
                }
                i = next;
            } else {
                int j = i;
                while (j < end && (input[j] == ' ' || input[j] == '\t')) {
                    j++;
                }
                int after = lineEnd(j);
                if (after == WAIT) {
                    break;
                }
                if (after == NOT_LINE_END) {
                    System.arraycopy(input, i, output, limit, j - i);
                    limit += j - i;
                }
                i = j; // trailing whitespace of a line (or of the text) is dropped
            }
        }
        start = i;
    }

    private static final int WAIT = -1;
    private static final int NOT_LINE_END = -2;

    /** Whether a line ends at {@code j} (CRLF, LF or the end of the text): WAIT when more input must decide. */
    private int lineEnd(int j) {
        if (j == end) {
            return eof ? j : WAIT;
        }
        if (input[j] == '\n') {
            return j;
        }
        if (input[j] == '\r') {
            if (j + 1 == end) {
                return eof ? NOT_LINE_END : WAIT;
            }
            return input[j + 1] == '\n' ? j : NOT_LINE_END;
        }
        return NOT_LINE_END;
    }

    /** Decodes the escape at {@code i}; returns where decoding goes on, or -1 to wait for more input. */
    private int escape(int i) {
        if (i + 2 >= end && !eof) {
            return -1;
        }
        if (i + 1 == end) {
            return end; // a soft line break at the very end
        }
        byte first = input[i + 1];
        if (i + 2 < end) {
            int high = Character.digit(first, 16);
            int low = Character.digit(input[i + 2], 16);
            if (high >= 0 && low >= 0) {
                output[limit++] = (byte) ((high << 4) | low);
                return i + 3;
            }
        }
        // a soft line break, maybe after transport padding
        int j = i + 1;
        while (j < end && (input[j] == ' ' || input[j] == '\t')) {
            j++;
        }
        if (j == end) {
            if (!eof) {
                return -1;
            }
            return end;
        }
        if (input[j] == '\n') {
            return j + 1;
        }
        if (input[j] == '\r') {
            if (j + 1 == end) {
                return eof ? end : -1;
            }
            if (input[j + 1] == '\n') {
                return j + 2;
            }
        }
        output[limit++] = '='; // not an escape: the '=' is content
        return i + 1;
    }
}
