package io.team365.imports.internal.batch;

/** A full name split into first and last name: the last word is the last name ("Ana María López" → López; one word is a first name). */
final class Names {

    private Names() {}

    static String[] split(String full) {
        String name = full.strip().replaceAll("\\s+", " ");
        int space = name.lastIndexOf(' ');
        return space < 0
                ? new String[] {name, null}
                : new String[] {name.substring(0, space), name.substring(space + 1)};
    }
}
