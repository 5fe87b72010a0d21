package io.team365.mail.internal.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A structured header such as Content-Type or Content-Disposition: its value ({@code text/html}, {@code attachment})
 * lower-cased, and its parameters by lower-cased name. Reads RFC 2231 parameters (continuations {@code name*0},
 * {@code name*1}, charsets {@code name*=utf-8''…}), RFC 2047 words inside quoted values (what Outlook sends) and
 * raw 8-bit values. Lenient: unquoted values with spaces, missing quotes and stray semicolons are read as meant.
 */
record HeaderParameters(String value, Map<String, String> parameters) {

    static final HeaderParameters NONE = new HeaderParameters(null, Map.of());

    String get(String name) {
        return parameters.get(name);
    }

    static HeaderParameters parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        List<String> pieces = split(MailCharsets.repairRawUtf8(EncodedWords.unfold(header)));
        String value = pieces.getFirst().strip().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> extended = new LinkedHashMap<>();
        for (String piece : pieces.subList(1, pieces.size())) {
            int equals = piece.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = piece.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            String raw = unquote(piece.substring(equals + 1).strip());
            int star = name.indexOf('*');
            if (star < 0) {
                plain.putIfAbsent(name, raw);
                continue;
            }
            String base = name.substring(0, star);
            String section = name.substring(star + 1);
            boolean encoded = section.isEmpty() || section.endsWith("*"); // name* or name*N*
            String number = section.endsWith("*") ? section.substring(0, section.length() - 1) : section;
            int index = number.isEmpty() ? 0 : parseIndex(number);
            if (index >= 0 && !base.isEmpty()) {
                extended.computeIfAbsent(base, k -> new TreeMap<>())
                        .putIfAbsent(index, new String[] {raw, encoded ? "*" : ""});
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        plain.forEach((name, raw) -> parameters.put(name, EncodedWords.decode(raw)));
        extended.forEach((name, sections) -> parameters.put(name, joinSections(sections)));
        return new HeaderParameters(value, parameters);
    }

    private static int parseIndex(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /** RFC 2231: the first encoded section names the charset; encoded sections are percent-encoded bytes. */
    private static String joinSections(TreeMap<Integer, String[]> sections) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] section : sections.values()) {
            String text = section[0];
            if (section[1].isEmpty()) {
                bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
                first = false;
                continue;
            }
            if (first) {
                int quote = text.indexOf('\'');
                int second = quote < 0 ? -1 : text.indexOf('\'', quote + 1);
                if (second > 0) {
                    charset = text.substring(0, quote);
                    text = text.substring(second + 1);
                }
            }
            first = false;
            percentDecode(text, bytes);
        }
        return MailCharsets.clean(MailCharsets.decode(bytes.toByteArray(), charset))
                .strip();
    }

    private static void percentDecode(String text, ByteArrayOutputStream out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%'
                    && i + 2 < text.length()
                    && EncodedWords.hex(text.charAt(i + 1)) >= 0
                    && EncodedWords.hex(text.charAt(i + 2)) >= 0) {
                out.write(EncodedWords.hex(text.charAt(i + 1)) * 16 + EncodedWords.hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Splits at semicolons outside quotes. */
    private static List<String> split(String header) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && quoted && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static String unquote(String value) {
        if (value.isEmpty() || value.charAt(0) != '"') {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                out.append(value.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
