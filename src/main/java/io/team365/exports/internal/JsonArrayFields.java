package io.team365.exports.internal;

/**
 * Picks one string field out of each object of a JSON array of objects (the stored emails, the phones), working on
 * the UTF-8 bytes of the text as PostgreSQL writes {@code jsonb}: no String, no parser object, no tree per cell. The
 * picked values, joined by "; " (or only the primary's, else the first's), are left in {@link #bytes()} up to
 * {@link #length()}. Input that is not an array of objects ends the pick where it stops being one, as the streaming
 * parser this replaces did.
 */
final class JsonArrayFields {

    private static final byte[] SEPARATOR = {';', ' '};
    private static final byte[] PRIMARY = {'p', 'r', 'i', 'm', 'a', 'r', 'y'};

    private byte[] out = new byte[256];
    private int length;
    private byte[] json;
    private int at;

    /** The result's bytes, valid up to {@link #length()} until the next pick. */
    byte[] bytes() {
        return out;
    }

    int length() {
        return length;
    }

    /**
     * Picks {@code field} of each element of {@code array}; returns false when there is nothing to write (no array,
     * an empty one, no element with the field as a string).
     */
    boolean pick(byte[] array, byte[] field, boolean primaryOnly) {
        length = 0;
        if (array == null || array.length <= 2) {
            return false;
        }
        json = array;
        at = 0;
        boolean found = false;
        int firstStart = -1;
        int firstEnd = -1;
        skipSpace();
        if (!next('[')) {
            return false;
        }
        while (true) {
            skipSpace();
            if (!next('{')) {
                break;
            }
            int valueStart = -1;
            int valueEnd = -1;
            boolean primary = false;
            while (true) {
                skipSpace();
                if (at >= json.length || json[at] != '"') {
                    break;
                }
                int keyStart = at + 1;
                int keyEnd = skipString();
                skipSpace();
                next(':');
                skipSpace();
                if (at < json.length && json[at] == '"' && same(keyStart, keyEnd, field)) {
                    valueStart = at + 1;
                    valueEnd = skipString();
                } else if (same(keyStart, keyEnd, PRIMARY)) {
                    primary = startsWith("true");
                    skipValue();
                } else {
                    skipValue();
                }
                skipSpace();
                next(',');
            }
            next('}');
            if (valueStart >= 0) {
                if (primaryOnly) {
                    if (primary) {
                        length = 0;
                        append(valueStart, valueEnd);
                        return true;
                    }
                    if (firstStart < 0) {
                        firstStart = valueStart;
                        firstEnd = valueEnd;
                    }
                } else {
                    if (length > 0) {
                        ensure(2);
                        out[length++] = SEPARATOR[0];
                        out[length++] = SEPARATOR[1];
                    }
                    append(valueStart, valueEnd);
                    found = true;
                }
            }
            skipSpace();
            if (!next(',')) {
                break;
            }
        }
        if (primaryOnly && firstStart >= 0) {
            append(firstStart, firstEnd);
            return true;
        }
        return found && length > 0;
    }

    private boolean next(char c) {
        if (at < json.length && json[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (at < json.length && (json[at] == ' ' || json[at] == '\n' || json[at] == '\r' || json[at] == '\t')) {
            at++;
        }
    }

    private boolean startsWith(String literal) {
        if (at + literal.length() > json.length) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (json[at + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** At an opening quote: moves past the closing one; returns the index of the closing quote. */
    private int skipString() {
        at++;
        while (at < json.length) {
            byte b = json[at];
            if (b == '\\') {
                at += 2;
            } else if (b == '"') {
                return at++;
            } else {
                at++;
            }
        }
        return json.length;
    }

    /** Moves past one value of any kind: a string, a number or literal, or a nested object or array. */
    private void skipValue() {
        if (at >= json.length) {
            return;
        }
        byte b = json[at];
        if (b == '"') {
            skipString();
        } else if (b == '{' || b == '[') {
            int depth = 0;
            while (at < json.length) {
                byte c = json[at];
                if (c == '"') {
                    skipString();
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                    if (depth == 0) {
                        at++;
                        return;
                    }
                }
                at++;
            }
        } else {
            while (at < json.length && json[at] != ',' && json[at] != '}' && json[at] != ']') {
                at++;
            }
        }
    }

    /** Whether the raw key between the quotes is {@code name} (keys with escapes are never a field we pick). */
    private boolean same(int start, int end, byte[] name) {
        if (end - start != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (json[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Appends the string between the quotes, unescaped: JSON escapes become the UTF-8 of their character. */
    private void append(int start, int end) {
        ensure(end - start);
        for (int i = start; i < end; i++) {
            byte b = json[i];
            if (b != '\\' || i + 1 >= end) {
                out[length++] = b;
                continue;
            }
            byte e = json[++i];
            switch (e) {
                case 'n' -> out[length++] = '\n';
                case 'r' -> out[length++] = '\r';
                case 't' -> out[length++] = '\t';
                case 'b' -> out[length++] = '\b';
                case 'f' -> out[length++] = '\f';
                case 'u' -> {
                    int c = hex(i + 1, end);
                    i += 4;
                    if (c >= 0xD800 && c <= 0xDBFF && i + 6 < end + 1 && json[i + 1] == '\\' && json[i + 2] == 'u') {
                        int low = hex(i + 3, end);
                        if (low >= 0xDC00 && low <= 0xDFFF) {
                            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                            i += 6;
                        }
                    }
                    // a lone surrogate (PostgreSQL never stores one) is written as the encoder would: '?'
                    utf8(c < 0 || (c >= 0xD800 && c <= 0xDFFF) ? '?' : c);
                }
                default -> out[length++] = e; // \" \\ \/
            }
        }
    }

    private int hex(int from, int end) {
        if (from + 4 > end) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(json[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private void utf8(int c) {
        ensure(4);
        if (c < 0x80) {
            out[length++] = (byte) c;
        } else if (c < 0x800) {
            out[length++] = (byte) (0xC0 | (c >> 6));
            out[length++] = (byte) (0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[length++] = (byte) (0xE0 | (c >> 12));
            out[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            out[length++] = (byte) (0x80 | (c & 0x3F));
        } else {
            out[length++] = (byte) (0xF0 | (c >> 18));
            out[length++] = (byte) (0x80 | ((c >> 12) & 0x3F));
            out[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            out[length++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void ensure(int more) {
        if (length + more > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }
}
