package io.team365.core.web;

import io.team365.core.InvalidInput;

/** Record versions as HTTP entity tags: {@code "v3"}, and back from {@code If-Match}. */
public final class ETags {

    private ETags() {}

    public static String of(int version) {
        return "\"v" + version + "\"";
    }

    /** {@code "v3"} or {@code W/"v3"} is version 3; {@code *} or no header means any version. */
    public static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        if (!tag.matches("v\\d{1,9}")) {
            throw InvalidInput.of("If-Match", "list.if-match");
        }
        return Integer.parseInt(tag.substring(1));
    }
}
