package io.team365.imports.internal.read;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One vCard property, {@code [group.]NAME;PARAM=a,b;BARE:value}, with its parameters read the 2.1, 3.0 and 4.0 ways
 * ({@code TYPE=work,pref}, {@code TYPE=WORK;TYPE=PREF}, bare {@code WORK;PREF}, {@code PREF=1}) and its value decoded
 * from quoted-printable when so marked (in the named {@code CHARSET}). Escapes stay in {@link #raw}: structured
 * properties split first, then unescape with {@link #components} and {@link #list}.
 */
record VCardProperty(String name, Set<String> types, boolean pref, String raw) {

    /** The property of a content line, or null when the line is not one (no colon, or no name). */
    static VCardProperty parse(String line) {
        int colon = -1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            return null;
        }
        List<String> head = splitParams(line.substring(0, colon));
        String name = head.get(0).strip();
        name = name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        boolean pref = false;
        boolean quotedPrintable = false;
        Charset charset = null;
        for (String param : head.subList(1, head.size())) {
            int eq = param.indexOf('=');
            String key = (eq < 0 ? param : param.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : unquote(param.substring(eq + 1).strip());
            if (eq < 0) {
                // vCard 2.1 bare parameters: an encoding or a type
                if (key.equals("QUOTED-PRINTABLE")) {
                    quotedPrintable = true;
                } else if (!key.isEmpty()) {
                    types.add(key.toLowerCase(Locale.ROOT));
                }
            } else if (key.equals("TYPE")) {
                for (String t : value.split(",")) {
                    if (!t.isBlank()) {
                        types.add(unquote(t.strip()).toLowerCase(Locale.ROOT));
                    }
                }
            } else if (key.equals("PREF")) {
                pref = true;
            } else if (key.equals("ENCODING")) {
                quotedPrintable = value.equalsIgnoreCase("QUOTED-PRINTABLE");
            } else if (key.equals("CHARSET")) {
                charset = charset(value);
            }
        }
        pref |= types.remove("pref");
        String raw = line.substring(colon + 1);
        if (quotedPrintable) {
            raw = QuotedPrintable.decode(raw, charset);
        }
        return new VCardProperty(name, Set.copyOf(types), pref, raw);
    }

    /** The value unescaped, as one text. */
    String text() {
        return unescape(raw).strip();
    }

    /** The {@code ;}-separated components of a structured value (N, ADR, ORG), unescaped. */
    List<String> components() {
        return split(raw, ';');
    }

    /** The {@code ,}-separated values of a list (CATEGORIES), unescaped. */
    List<String> list() {
        return split(raw, ',');
    }

    private static List<String> split(String raw, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                part.append(c).append(raw.charAt(++i));
            } else if (c == separator) {
                parts.add(unescape(part.toString()).strip());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(unescape(part.toString()).strip());
        return parts;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                out.append(e == 'n' || e == 'N' ? '\n' : e);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> splitParams(String head) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                parts.add(head.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(head.substring(start));
        return parts;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
