package io.team365.contacts.internal;

import io.team365.core.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Opaque list cursors: the sort value and id of the last row of a page, base64url-encoded. */
final class Cursors {

    record Position(String value, UUID id) {}

    private Cursors() {}

    static String encode(String value, UUID id) {
        String raw = id + "|" + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new Position(raw.substring(bar + 1), UUID.fromString(raw.substring(0, bar)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw InvalidInput.of("cursor", "contact.cursor");
        }
    }
}
