package io.team365.activities.web;

import io.team365.core.web.PageContext;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.ui.Model;

/** Small things the activity pages share: the reader's time zone and safe return addresses. */
final class Pages {

    private Pages() {}

    /** The reader's time zone, from the page context every page gets. */
    static ZoneId zone(Model model) {
        return model.getAttribute("page") instanceof PageContext page && page.viewer() != null
                ? page.viewer().zone()
                : ZoneOffset.UTC;
    }

    /** A path on this site to go back to; anything else (another host, a scheme) gives {@code fallback}. */
    static String localPath(String next, String fallback) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return fallback;
        }
        return next;
    }

    static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
