package io.team365.imports.internal.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a full name into first and last name, for files (and vCards) that only have one name column: the last word is
 * the last name, with the particles before it ({@code van}, {@code de}, …) and a suffix after it ({@code Jr.});
 * {@code Last, First} is understood; titles such as {@code Dr.} are dropped.
 */
public final class Names {

    /** A split name; either part may be empty. */
    public record Split(String first, String last) {}

    private static final Set<String> TITLES =
            Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "herr", "frau", "m", "mme", "mlle");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "phd", "md", "esq");
    private static final Set<String> PARTICLES = Set.of(
            "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "la", "le", "ten", "ter",
            "zu", "af", "bin", "ibn", "al");

    private Names() {}

    public static Split split(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return new Split("", "");
        }
        String name = fullName.strip().replaceAll("\\s+", " ");
        int lastComma = name.lastIndexOf(',');
        if (lastComma > 0 && isSuffix(name.substring(lastComma + 1).strip())) {
            Split rest = split(name.substring(0, lastComma));
            return new Split(
                    rest.first(),
                    (rest.last() + " " + name.substring(lastComma + 1).strip()).strip());
        }
        int comma = name.indexOf(',');
        if (comma > 0) {
            String before = name.substring(0, comma).strip();
            String after = name.substring(comma + 1).strip();
            if (!after.isEmpty() && !before.isEmpty()) {
                return new Split(withoutTitles(after), before);
            }
            name = (before + " " + after).strip();
        }
        List<String> words = new ArrayList<>(Arrays.asList(name.split(" ")));
        while (words.size() > 1 && TITLES.contains(key(words.get(0)))) {
            words.remove(0);
        }
        if (words.size() == 1) {
            return new Split(words.get(0), "");
        }
        int end = words.size();
        while (end > 2 && isSuffix(words.get(end - 1))) {
            end--;
        }
        int lastStart = end - 1;
        while (lastStart > 1 && PARTICLES.contains(words.get(lastStart - 1).toLowerCase(Locale.ROOT))) {
            lastStart--;
        }
        return new Split(
                String.join(" ", words.subList(0, lastStart)),
                String.join(" ", words.subList(lastStart, words.size())));
    }

    private static String withoutTitles(String given) {
        List<String> words = new ArrayList<>(Arrays.asList(given.split(" ")));
        while (words.size() > 1 && TITLES.contains(key(words.get(0)))) {
            words.remove(0);
        }
        return String.join(" ", words);
    }

    private static boolean isSuffix(String word) {
        return SUFFIXES.contains(key(word));
    }

    private static String key(String word) {
        return word.replace(".", "").toLowerCase(Locale.ROOT);
    }
}
