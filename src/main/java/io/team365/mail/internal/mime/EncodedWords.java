package io.team365.mail.internal.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes header text the way it is found in real mail, not only as RFC 2047 allows: encoded words glued to other
 * text or inside quotes, adjacent words in one charset that split a multi-byte character between them (their bytes
 * are joined before decoding), unknown charsets, bad base64 padding, and raw 8-bit UTF-8. Never throws.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])");
    private static final Pattern BREAKS = Pattern.compile("[\\r\\n]+");

    private EncodedWords() {}

    /** Unfolded, 8-bit repaired, encoded words decoded, controls removed; null stays null. */
    static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String value = MailCharsets.repairRawUtf8(unfold(raw));
        if (value.contains("=?")) {
            value = decodeWords(value);
        }
        return MailCharsets.clean(value.replace('\t', ' ')).strip();
    }

    /** RFC 5322 unfolding; stray line breaks become spaces. */
    static String unfold(String raw) {
        return BREAKS.matcher(FOLD.matcher(raw).replaceAll("")).replaceAll(" ");
    }

    private static String decodeWords(String value) {
        StringBuilder out = new StringBuilder(value.length());
        Matcher word = WORD.matcher(value);
        int last = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (word.find()) {
            String between = value.substring(last, word.start());
            boolean adjacent = pendingCharset != null && between.isBlank();
            String charset = word.group(1);
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(between);
                }
            }
            byte[] bytes = "bB".contains(word.group(2)) ? base64(word.group(3)) : quoted(word.group(3));
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = word.end();
        }
        flush(out, pending, pendingCharset);
        out.append(value, last, value.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (charset == null) {
            return;
        }
        out.append(MailCharsets.decode(pending.toByteArray(), charset));
        pending.reset();
    }

    /** Base64 that ignores characters outside the alphabet and missing or misplaced padding. */
    static byte[] base64(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int quantum = 0;
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = LenientBase64InputStream.value(text.charAt(i));
            if (v < 0) {
                continue;
            }
            quantum = (quantum << 6) | v;
            if (++count == 4) {
                out.write(quantum >> 16);
                out.write(quantum >> 8);
                out.write(quantum);
                quantum = 0;
                count = 0;
            }
        }
        if (count == 2) {
            out.write(quantum >> 4);
        } else if (count == 3) {
            out.write(quantum >> 10);
            out.write(quantum >> 2);
        }
        return out.toByteArray();
    }

    /** The Q encoding: underscores are spaces, =XX is a byte, a broken escape is kept as it is. */
    static byte[] quoted(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '='
                    && i + 2 < text.length()
                    && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    static int hex(char c) {
        return Character.digit(c, 16);
    }
}
