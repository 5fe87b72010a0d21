package io.team365.mail.internal.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes base64 as it streams, never failing on content: characters outside the alphabet are skipped, padding in
 * the middle (several encoded blocks glued together) ends a block and decoding goes on, a truncated end keeps the
 * whole bytes it has. Holds one buffer, so a 50 MB attachment passes through in constant memory.
 */
final class LenientBase64InputStream extends InputStream {

    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
        VALUES['-'] = 62; // URL-safe alphabet, seen from some web mailers
        VALUES['_'] = 63;
    }

    private final InputStream in;
    private final byte[] encoded = new byte[8192];
    private final byte[] decoded = new byte[8192];
    private int position;
    private int limit;
    private int quantum;
    private int count;
    private boolean ended;

    LenientBase64InputStream(InputStream in) {
        this.in = in;
    }

    static int value(int c) {
        return c >= 0 && c < 128 ? VALUES[c] : -1;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == limit) {
            if (ended) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(decoded, position, target, offset, n);
        position += n;
        return n;
    }

    private void fill() throws IOException {
        position = 0;
        limit = 0;
        int n = in.read(encoded);
        if (n < 0) {
            ended = true;
            endBlock();
            return;
        }
        // locals, not fields, in the loop that every byte of every attachment goes through
        byte[] source = encoded;
        byte[] target = decoded;
        int[] values = VALUES;
        int q = quantum;
        int k = count;
        int out = limit;
        for (int i = 0; i < n; i++) {
            int c = source[i] & 0xFF;
            int v = c < 128 ? values[c] : -1;
            if (v < 0) {
                if (c == '=') {
                    quantum = q;
                    count = k;
                    limit = out;
                    endBlock();
                    q = 0;
                    k = 0;
                    out = limit;
                }
                continue;
            }
            q = (q << 6) | v;
            if (++k == 4) {
                target[out] = (byte) (q >> 16);
                target[out + 1] = (byte) (q >> 8);
                target[out + 2] = (byte) q;
                out += 3;
                q = 0;
                k = 0;
            }
        }
        quantum = q;
        count = k;
        limit = out;
    }

    private void endBlock() {
        if (count == 2) {
            decoded[limit++] = (byte) (quantum >> 4);
        } else if (count == 3) {
            decoded[limit++] = (byte) (quantum >> 10);
            decoded[limit++] = (byte) (quantum >> 2);
        }
        quantum = 0;
        count = 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
