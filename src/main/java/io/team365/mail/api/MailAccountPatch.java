package io.team365.mail.api;

import io.team365.core.web.MergePatch;
import io.team365.mail.internal.account.MailAccountSettings;
import java.util.List;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** JSON merge patch on an account's settings; {@code syncFolders} and {@code blocklist} are replaced whole. */
final class MailAccountPatch {

    private static final Set<String> FIELDS =
            Set.of("displayName", "sharing", "syncDays", "signatureHtml", "syncFolders", "blocklist", "teamMaySend");

    private MailAccountPatch() {}

    static MailAccountSettings.Settings apply(JsonNode body, MailAccountSettings.Settings current, ObjectMapper json) {
        MergePatch patch = MergePatch.of(body, FIELDS, "mail.accounts", json);
        return new MailAccountSettings.Settings(
                patch.text("displayName", current.displayName()),
                patch.text("sharing", current.sharing()),
                patch.value("syncDays", current.syncDays(), new TypeReference<Integer>() {}),
                patch.text("signatureHtml", current.signatureHtml()),
                patch.valueNamingPath("syncFolders", current.syncFolders(), new TypeReference<List<String>>() {}),
                patch.valueNamingPath("blocklist", current.blocklist(), new TypeReference<List<String>>() {}),
                patch.bool("teamMaySend", current.teamMaySend()));
    }
}
