package io.team365.imports.internal.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Column names people can tell apart: a blank header becomes {@code Column 3}, a repeated one {@code Email (2)}. */
final class Columns {

    private Columns() {}

    static List<String> unique(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                name = "Column " + (i + 1);
            }
            String candidate = name;
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = name + " (" + n + ")";
            }
            names.add(candidate);
        }
        return List.copyOf(names);
    }
}
