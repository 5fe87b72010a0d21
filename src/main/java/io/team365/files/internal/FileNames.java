package io.team365.files.internal;

import java.text.Normalizer;

/**
 * File names as senders give them, made safe to store and to offer back in a download: the last path part only,
 * no control or invisible formatting characters (a right-to-left override can make {@code exe.pdf} read as
 * {@code fdp.exe}), none of the characters Windows forbids, at most 255 characters with the extension kept.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 255;

    private FileNames() {}

    /** The cleaned name; empty when nothing usable is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE) {
                return;
            }
            kept.appendCodePoint("<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
        });
        // leading dots would hide the file on Unix (and make "." or ".."); trailing dots and spaces vanish on Windows
        return shortened(kept.toString().strip().replaceAll("^[.\\s]+|[.\\s]+$", ""));
    }

    /** The extension, lower-case, without the dot; empty if there is none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1
                ? ""
                : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String shortened(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        String extension = extension(name);
        String suffix = extension.isEmpty() || extension.length() > 20 ? "" : "." + extension;
        int keep = MAX_LENGTH - suffix.length();
        return name.substring(0, name.offsetByCodePoints(0, keep)).strip() + suffix;
    }
}
