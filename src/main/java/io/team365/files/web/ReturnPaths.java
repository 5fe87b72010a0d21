package io.team365.files.web;

import java.net.URI;
import java.net.URISyntaxException;

/** Where a plainly posted form may send the browser back to: a path on this site, never another site. */
final class ReturnPaths {

    private ReturnPaths() {}

    /** The path if it is local ({@code /contacts/…}), else null. */
    static String local(String returnTo) {
        if (returnTo == null
                || returnTo.length() > 2000
                || !returnTo.startsWith("/")
                || returnTo.startsWith("//")
                || returnTo.indexOf('\\') >= 0
                || returnTo.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return null;
        }
        try {
            URI uri = new URI(returnTo);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? returnTo : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
