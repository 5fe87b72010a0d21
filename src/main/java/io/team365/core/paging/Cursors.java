package io.team365.core.paging;

import io.team365.core.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque list cursors: the order they were made for, and the sort value and id of the last row of a page,
 * base64url-encoded. A cursor used with another order, or altered, is refused rather than misread.
 */
public final class Cursors {

    public record Position(String value, UUID id) {}

    private Cursors() {}

    public static String encode(String sort, String value, UUID id) {
        String raw = sort + "|" + id + "|" + (value == null ? "" : value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Position decode(String cursor, String expectedSort) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(expectedSort) || raw.indexOf('\0') >= 0) {
                throw invalid();
            }
            return new Position(parts[2], UUID.fromString(parts[1]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    static InvalidInput invalid() {
        return InvalidInput.of("cursor", "list.cursor");
    }
}
