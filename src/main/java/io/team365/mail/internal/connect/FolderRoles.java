package io.team365.mail.internal.connect;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A folder's role from its special-use attributes (RFC 6154) or, failing those, its well-known name; shared by the
 * connection test's folder list and the sync, so both agree on roles and on what is synced by default.
 */
public final class FolderRoles {

    private static final Map<String, String> SPECIAL_USE = Map.of(
            "\\sent", "sent",
            "\\drafts", "drafts",
            "\\trash", "trash",
            "\\junk", "junk",
            "\\archive", "archive",
            "\\all", "all");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("sent", "sent"),
            Map.entry("sent items", "sent"),
            Map.entry("sent mail", "sent"),
            Map.entry("sent messages", "sent"),
            Map.entry("gesendet", "sent"),
            Map.entry("gesendete elemente", "sent"),
            Map.entry("envoyés", "sent"),
            Map.entry("drafts", "drafts"),
            Map.entry("entwürfe", "drafts"),
            Map.entry("brouillons", "drafts"),
            Map.entry("trash", "trash"),
            Map.entry("deleted items", "trash"),
            Map.entry("deleted messages", "trash"),
            Map.entry("bin", "trash"),
            Map.entry("papierkorb", "trash"),
            Map.entry("corbeille", "trash"),
            Map.entry("junk", "junk"),
            Map.entry("junk e-mail", "junk"),
            Map.entry("junk email", "junk"),
            Map.entry("spam", "junk"),
            Map.entry("archive", "archive"),
            Map.entry("archives", "archive"),
            Map.entry("archiv", "archive"),
            Map.entry("all mail", "all"));

    /**
     * Folders not synced until the user turns them on: spam and the bin hold mail nobody wants in the CRM, and the
     * server's drafts are half-written mail. Gmail's All Mail is synced: archived conversations live only there, and
     * a message in several folders is still stored once.
     */
    public static final Set<String> OFF_BY_DEFAULT = Set.of("junk", "trash", "drafts");

    private FolderRoles() {}

    public static String of(String fullName, char separator, String[] attributes) {
        if (attributes != null) {
            for (String attribute : attributes) {
                String role = SPECIAL_USE.get(attribute.toLowerCase(Locale.ROOT));
                if (role != null) {
                    return role;
                }
            }
        }
        if (fullName.equalsIgnoreCase("INBOX")) {
            return "inbox";
        }
        String leaf = separator == 0 || fullName.lastIndexOf(separator) < 0
                ? fullName
                : fullName.substring(fullName.lastIndexOf(separator) + 1);
        // only top-level folders (and Gmail's [Gmail]/… ones) by name: "Projects/Sent" is the user's own folder
        boolean topLevel = leaf.equals(fullName) || fullName.startsWith("[Gmail]") || fullName.startsWith("INBOX");
        return topLevel ? NAMES.get(leaf.toLowerCase(Locale.ROOT)) : null;
    }
}
