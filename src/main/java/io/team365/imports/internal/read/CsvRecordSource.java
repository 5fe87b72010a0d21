package io.team365.imports.internal.read;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads CSV one record at a time with a hand-written state machine over a 64 KiB character buffer (RFC 4180 quoting
 * with {@code ""} escapes and line breaks inside quotes; whitespace around values trimmed; blank lines skipped).
 *
 * <p>Real files are not always well formed, so it never gives up on the rest of a file: a record with the wrong
 * number of values or an over-long value comes back with a problem, and a quote that is never closed (it runs past
 * 1 MiB or 10,000 lines, or to the end of the file, or makes its record ragged after swallowing line breaks) is
 * reported and reading starts again at the line after the one where the quote opened.
 */
final class CsvRecordSource implements RecordSource {

    static final int MAX_VALUE = 32_768;
    static final int MAX_QUOTED_CHARS = 1 << 20;
    static final int MAX_QUOTED_LINES = 10_000;

    static final String TOO_LONG = "a value is longer than 32,768 characters";

    private static final int BUFFER = 1 << 16;
    private static final int EOF = -1;
    private static final int UNCLOSED = -2;

    private final Reader in;
    private final char delimiter;
    private final boolean trimTabs;
    private char[] buf = new char[BUFFER];
    private int pos;
    private int lim;
    /** The physical line (1-based) the next character is on. */
    private long line = 1;

    private final StringBuilder value = new StringBuilder(128);
    private boolean overflow;
    /** The value when it was taken straight from the buffer, else null (then it is in {@link #value}). */
    private String direct;

    private String problem;

    /**
     * Everything read since the first line break inside a quoted value of the current record, so that reading can go
     * back there when the quote turns out to be a stray one. Null when not recording.
     */
    private StringBuilder replay;

    private long quoteLine;

    private final List<String> columns;
    private long number;

    /**
     * Reads the header row; {@code skipFirstLine} for Excel's {@code sep=;} line, which names the delimiter before
     * the header.
     */
    CsvRecordSource(Reader in, char delimiter, boolean skipFirstLine) throws IOException, UnreadableFile {
        this.in = in;
        this.delimiter = delimiter;
        this.trimTabs = delimiter != '\t';
        if (skipFirstLine) {
            int c = read();
            while (c != '\n' && c != '\r' && c != EOF) {
                c = read();
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            line++;
        }
        List<String> header = readRecord(0);
        if (header == null) {
            throw new UnreadableFile(TextDetection.EMPTY);
        }
        if (problem != null) {
            throw new UnreadableFile("The first line of the file (the column names) cannot be read: " + problem + ".");
        }
        this.columns = Columns.unique(header);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Optional<SourceRecord> next() throws IOException {
        List<String> values = readRecord(columns.size());
        if (values == null) {
            return Optional.empty();
        }
        return Optional.of(new SourceRecord(++number, values, problem));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ---- the state machine ----

    /** The next record with any content, with {@link #problem} set when it cannot be imported; null at the end. */
    private List<String> readRecord(int expected) throws IOException {
        List<String> values = new ArrayList<>(Math.max(expected, 8));
        while (true) {
            values.clear();
            problem = null;
            replay = null;
            boolean content = false;
            int c = read();
            if (c == EOF) {
                return null;
            }
            while (true) {
                while (c == ' ' || (c == '\t' && trimTabs)) {
                    c = read();
                }
                value.setLength(0);
                overflow = false;
                direct = null;
                if (c == '"') {
                    content = true;
                    c = readQuoted();
                    if (c == UNCLOSED) {
                        values.add(value.toString());
                        return values;
                    }
                } else {
                    c = readPlain(c);
                }
                if (overflow) {
                    problem = TOO_LONG;
                    content = true;
                    values.add("");
                } else if (direct != null) {
                    content |= !direct.isEmpty();
                    values.add(direct);
                } else {
                    content |= value.length() > 0;
                    values.add(value.toString());
                }
                if (c == delimiter) {
                    c = read();
                    continue;
                }
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c != EOF) {
                    line++;
                }
                break;
            }
            if (!content) {
                continue;
            }
            if (expected > 0) {
                checkShape(values, expected);
            }
            replay = null;
            return values;
        }
    }

    /** Extra empty values at the end are dropped; missing values or extra values with content are a problem. */
    private void checkShape(List<String> values, int expected) {
        int size = values.size();
        if (size > expected) {
            int last = size;
            while (last > expected && values.get(last - 1).isEmpty()) {
                last--;
            }
            if (last == expected) {
                values.subList(expected, size).clear();
                return;
            }
        } else if (size == expected) {
            return;
        }
        if (replay != null) {
            // a line break inside quotes made this record ragged: most likely a stray quote
            problem = "a quote that opens on line " + quoteLine + " is not closed where the row ends";
            resyncAfterQuoteLine();
        } else if (problem == null) {
            problem = "row has " + size + " value" + (size == 1 ? "" : "s") + ", the header has " + expected;
        }
    }

    /**
     * An unquoted value, from its first non-blank character {@code c} (the one just read); returns the character that
     * ended it. Most values lie within the buffer: they become a string straight from it ({@link #direct}).
     */
    private int readPlain(int c) throws IOException {
        if (c != delimiter && c != '\n' && c != '\r' && c != EOF && c != 0) {
            int start = pos - 1;
            int end = pos;
            char[] b = buf;
            int l = lim;
            char d = delimiter;
            while (end < l) {
                char ch = b[end];
                if (ch == d || ch == '\n' || ch == '\r' || ch == 0) {
                    break;
                }
                end++;
            }
            if (end < l && b[end] != 0) {
                if (replay != null) {
                    replay.append(b, pos, end - pos);
                }
                pos = end;
                int trimmed = end;
                while (trimmed > start && (b[trimmed - 1] == ' ' || (b[trimmed - 1] == '\t' && trimTabs))) {
                    trimmed--;
                }
                if (trimmed - start > MAX_VALUE) {
                    overflow = true;
                } else {
                    direct = new String(b, start, trimmed - start);
                }
                return read();
            }
        }
        while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
            if (c != 0) {
                append((char) c);
            }
            int start = pos;
            int end = start;
            char[] b = buf;
            int l = lim;
            char d = delimiter;
            while (end < l) {
                char ch = b[end];
                if (ch == d || ch == '\n' || ch == '\r' || ch == 0) {
                    break;
                }
                end++;
            }
            if (end > start) {
                pos = end;
                append(b, start, end - start);
                if (replay != null) {
                    replay.append(b, start, end - start);
                }
            }
            c = read();
        }
        trimEnd(0);
        return c;
    }

    /** A quoted value, after its opening quote; returns the character after it, or UNCLOSED. */
    private int readQuoted() throws IOException {
        long openedOn = line;
        long quotedChars = 0;
        int quotedLines = 0;
        int firstLineLength = -1;
        while (true) {
            int start = pos;
            int end = start;
            char[] b = buf;
            int l = lim;
            while (end < l) {
                char ch = b[end];
                if (ch == '"' || ch == '\n' || ch == '\r' || ch == 0) {
                    break;
                }
                end++;
            }
            if (end > start) {
                pos = end;
                append(b, start, end - start);
                if (replay != null) {
                    replay.append(b, start, end - start);
                }
                quotedChars += end - start;
            }
            int c = read();
            if (c == EOF || quotedChars > MAX_QUOTED_CHARS) {
                return unclosed(openedOn, firstLineLength);
            }
            if (c == 0) {
                continue; // PostgreSQL text cannot hold NUL
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    append('"');
                    quotedChars++;
                    continue;
                }
                return afterClosingQuote(firstLineLength);
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            append('\n');
            line++;
            quotedLines++;
            if (firstLineLength < 0) {
                firstLineLength = value.length() - 1;
                if (replay == null) {
                    replay = new StringBuilder(256);
                    quoteLine = openedOn;
                }
            }
            if (quotedLines > MAX_QUOTED_LINES) {
                return unclosed(openedOn, firstLineLength);
            }
        }
    }

    /**
     * Text between a closing quote and the delimiter is kept as written ({@code "5" wide} reads 5 wide), unless the
     * quoted value ran over line breaks: then the quote that closed it was most likely the opening quote of a later
     * value, and the opening one a stray quote, so the record is reported and read again from the next line.
     */
    private int afterClosingQuote(int firstLineLength) throws IOException {
        int mark = value.length();
        int c = read();
        while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
            boolean blank = c == ' ' || (c == '\t' && trimTabs);
            if (!blank && replay != null && firstLineLength >= 0) {
                value.setLength(firstLineLength);
                problem = "a quote that opens on line " + quoteLine + " is not closed where its value ends";
                resyncAfterQuoteLine();
                overflow = false;
                return UNCLOSED;
            }
            if (c != 0) {
                append((char) c);
            }
            c = read();
        }
        trimEnd(mark);
        return c;
    }

    private int unclosed(long openedOn, int firstLineLength) {
        if (firstLineLength >= 0 && firstLineLength < value.length()) {
            value.setLength(firstLineLength);
        }
        problem = "a quote that opens on line " + openedOn + " is never closed";
        resyncAfterQuoteLine();
        overflow = false;
        return UNCLOSED;
    }

    /** Puts back everything read since the line where the stray quote opened, to be read again as records. */
    private void resyncAfterQuoteLine() {
        if (replay == null) {
            return;
        }
        int rest = lim - pos;
        char[] again = new char[Math.max(replay.length() + rest, 1)];
        replay.getChars(0, replay.length(), again, 0);
        System.arraycopy(buf, pos, again, replay.length(), rest);
        buf = again;
        pos = 0;
        lim = replay.length() + rest;
        line = quoteLine + 1;
        replay = null;
    }

    private void append(char c) {
        if (value.length() < MAX_VALUE) {
            value.append(c);
        } else {
            overflow = true;
        }
    }

    private void append(char[] b, int start, int length) {
        int room = MAX_VALUE - value.length();
        if (length <= room) {
            value.append(b, start, length);
        } else {
            value.append(b, start, Math.max(room, 0));
            overflow = true;
        }
    }

    private void trimEnd(int mark) {
        int end = value.length();
        while (end > mark && (value.charAt(end - 1) == ' ' || (value.charAt(end - 1) == '\t' && trimTabs))) {
            end--;
        }
        value.setLength(end);
    }

    // ---- the buffer ----

    private int read() throws IOException {
        if (pos >= lim && !fill()) {
            return EOF;
        }
        char c = buf[pos++];
        if (replay != null) {
            if (replay.length() < 2 * MAX_QUOTED_CHARS) {
                replay.append(c);
            } else {
                replay = null; // too far to go back: the record will be reported as it is
            }
        }
        return c;
    }

    private int peek() throws IOException {
        if (pos >= lim && !fill()) {
            return EOF;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        if (buf.length != BUFFER) {
            buf = new char[BUFFER]; // back to the normal size after reading again from a stray quote
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        pos = 0;
        lim = Math.max(n, 0);
        return n > 0;
    }
}
