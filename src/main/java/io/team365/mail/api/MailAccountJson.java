package io.team365.mail.api;

import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailFolderDiscovery;
import io.team365.mail.internal.connect.MailServer;
import java.util.List;
import java.util.Locale;

/** A mailbox as the API shows it: settings and status, never a secret. */
record MailAccountJson(
        String id,
        String ownerId,
        String provider,
        String email,
        String displayName,
        String username,
        Server imap,
        Server smtp,
        String sharing,
        int syncDays,
        String signatureHtml,
        String status,
        String lastError,
        String lastSyncedAt,
        String createdAt,
        int version,
        List<Folder> folders,
        List<String> blocklist,
        boolean teamMaySend) {

    record Server(String host, int port, String security) {
        static Server of(MailServer server) {
            return server == null
                    ? null
                    : new Server(
                            server.host(),
                            server.port(),
                            server.security().name().toLowerCase(Locale.ROOT));
        }
    }

    record Folder(String id, String name, String role, boolean sync) {}

    static MailAccountJson of(MailAccount a, List<MailFolderDiscovery.StoredFolder> folders, List<String> blocklist) {
        return new MailAccountJson(
                a.id().toString(),
                a.ownerId().toString(),
                a.provider().key(),
                a.email(),
                a.displayName(),
                a.username(),
                Server.of(a.imap()),
                Server.of(a.smtp()),
                a.sharing().name().toLowerCase(Locale.ROOT),
                a.syncDays(),
                a.signatureHtml(),
                a.status(),
                a.lastError(),
                a.lastSyncedAt() == null ? null : a.lastSyncedAt().toString(),
                a.createdAt().toString(),
                a.version(),
                folders == null
                        ? null
                        : folders.stream()
                                .map(f -> new Folder(f.id().toString(), f.name(), f.role(), f.sync()))
                                .toList(),
                blocklist,
                a.teamMaySend());
    }
}
