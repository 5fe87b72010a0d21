package io.team365.imports.internal.read;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Set;

/**
 * The content lines of a vCard file, unfolded (a line break followed by a space or tab continues the line) and with
 * vCard 2.1 quoted-printable soft line breaks joined. The values of photos, logos, sounds and keys (base64, maybe
 * megabytes) are read past without being kept, and any line is cut at {@link #MAX_LINE} characters.
 */
final class VCardLines {

    static final int MAX_LINE = 256 * 1024;
    private static final Set<String> SKIPPED = Set.of("PHOTO", "LOGO", "SOUND", "KEY");

    /** One unfolded line: where it starts, its text, whether it was cut, and whether its value was skipped. */
    record Line(long number, String text, boolean cut, boolean skipped) {}

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private long line = 0;
    private final StringBuilder text = new StringBuilder(256);
    private boolean cut;

    VCardLines(Reader in) {
        this.in = in;
    }

    /** The next unfolded line (blank ones included), or null at the end. */
    Line next() throws IOException {
        text.setLength(0);
        cut = false;
        if (!physical(true)) {
            return null;
        }
        long start = line;
        String name = propertyName();
        boolean skipped = SKIPPED.contains(name);
        if (skipped) {
            text.setLength(0);
            text.append(name).append(':');
        }
        boolean quotedPrintable = !skipped && isQuotedPrintable();
        while (true) {
            int c = peek();
            if (quotedPrintable && text.length() > 0 && text.charAt(text.length() - 1) == '=' && c != -1) {
                text.setLength(text.length() - 1); // a soft line break: the next line goes on as it is
                physical(true);
            } else if (c == ' ' || c == '\t') {
                pos++;
                physical(!skipped);
            } else {
                break;
            }
        }
        String t = text.toString();
        if (t.indexOf('\0') >= 0) {
            t = t.replace("\0", ""); // PostgreSQL text cannot hold NUL
        }
        return new Line(start, t, cut, skipped);
    }

    /** Reads up to the end of a physical line, appending it when {@code keep}; false at the end of the input. */
    private boolean physical(boolean keep) throws IOException {
        if (pos >= lim && !fill()) {
            return false;
        }
        line++;
        while (true) {
            if (pos >= lim && !fill()) {
                return true;
            }
            int start = pos;
            while (pos < lim && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            if (keep) {
                int room = MAX_LINE - text.length();
                if (pos - start > room) {
                    cut = true;
                }
                text.append(buf, start, Math.max(0, Math.min(pos - start, room)));
            }
            if (pos < lim) {
                char end = buf[pos++];
                if (end == '\r' && peek() == '\n') {
                    pos++;
                }
                return true;
            }
        }
    }

    private String propertyName() {
        int end = 0;
        while (end < text.length() && text.charAt(end) != ';' && text.charAt(end) != ':') {
            end++;
        }
        String name = text.substring(0, end).strip();
        int dot = name.lastIndexOf('.');
        return name.substring(dot + 1).toUpperCase(Locale.ROOT);
    }

    private boolean isQuotedPrintable() {
        int colon = text.indexOf(":");
        String params = colon < 0 ? text.toString() : text.substring(0, colon);
        return params.toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE");
    }

    private int peek() throws IOException {
        if (pos >= lim && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        pos = 0;
        lim = Math.max(n, 0);
        return n > 0;
    }
}
