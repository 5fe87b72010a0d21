package io.team365.mail.internal.account;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A mailbox's folders as the server lists them, kept in {@code mail_folders} with their role: from the special-use
 * attributes (RFC 6154) where the server sends them, else from the well-known names. New folders are synced unless
 * they would only repeat other folders (Gmail's All Mail) or hold trash and spam.
 */
@Component
public class MailFolderDiscovery {

    /** A folder on the server. */
    public record ServerFolder(String name, String role) {}

    /** A folder as stored, with whether it is synced. */
    public record StoredFolder(UUID id, String name, String role, boolean sync) {}

    private static final Map<String, String> SPECIAL_USE = Map.of(
            "\\sent", "sent",
            "\\drafts", "drafts",
            "\\trash", "trash",
            "\\junk", "junk",
            "\\archive", "archive",
            "\\all", "all");

    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(
            Map.entry("inbox", "inbox"),
            Map.entry("sent", "sent"),
            Map.entry("sent items", "sent"),
            Map.entry("sent mail", "sent"),
            Map.entry("sent messages", "sent"),
            Map.entry("drafts", "drafts"),
            Map.entry("trash", "trash"),
            Map.entry("deleted items", "trash"),
            Map.entry("deleted messages", "trash"),
            Map.entry("bin", "trash"),
            Map.entry("junk", "junk"),
            Map.entry("junk e-mail", "junk"),
            Map.entry("junk email", "junk"),
            Map.entry("spam", "junk"),
            Map.entry("archive", "archive"),
            Map.entry("all mail", "all"));

    private static final Set<String> NOT_SYNCED_BY_DEFAULT = Set.of("all", "trash", "junk", "drafts");

    private final JdbcClient jdbc;

    MailFolderDiscovery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every folder that can hold messages, with its role. */
    public List<ServerFolder> list(Store store) throws MessagingException {
        List<ServerFolder> folders = new ArrayList<>();
        for (Folder folder : store.getDefaultFolder().list("*")) {
            if ((folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
                continue;
            }
            String[] attributes = attributes(folder);
            if (Arrays.stream(attributes).anyMatch(a -> a.equalsIgnoreCase("\\Noselect"))) {
                continue;
            }
            folders.add(new ServerFolder(folder.getFullName(), role(folder, attributes)));
        }
        return folders;
    }

    /**
     * The folder's LIST attributes (\\Sent, \\Noselect, ...). Angus Mail's IMAPFolder has them; it is only on the
     * runtime class path (the API is Jakarta Mail's), so it is asked by name.
     */
    private static String[] attributes(Folder folder) {
        try {
            Object attributes = folder.getClass().getMethod("getAttributes").invoke(folder);
            return attributes instanceof String[] list ? list : new String[0];
        } catch (ReflectiveOperationException e) {
            return new String[0];
        }
    }

    private static String role(Folder folder, String[] attributes) {
        if (folder.getFullName().equalsIgnoreCase("INBOX")) {
            return "inbox";
        }
        for (String attribute : attributes) {
            String role = SPECIAL_USE.get(attribute.toLowerCase(Locale.ROOT));
            if (role != null) {
                return role;
            }
        }
        String name = folder.getName().toLowerCase(Locale.ROOT).strip();
        return WELL_KNOWN.get(name);
    }

    /**
     * Brings the stored folders in line with the server's: new ones are added, roles refreshed, and folders gone
     * from the server removed (with where their messages sat; the messages stay). Whether a folder is synced is the
     * user's choice and is kept.
     */
    public void store(io.team365.core.TenantId tenant, UUID accountId, List<ServerFolder> folders) {
        for (ServerFolder folder : folders) {
            jdbc.sql("""
                            insert into mail_folders (tenant_id, account_id, id, name, role, sync)
                            values (:tenant, :account, :id, :name, :role, :sync)
                            on conflict (tenant_id, account_id, name) do update set role = excluded.role
                            """)
                    .param("tenant", tenant.value())
                    .param("account", accountId)
                    .param("id", UUID.randomUUID())
                    .param("name", folder.name())
                    .param("role", folder.role())
                    .param("sync", folder.role() == null || !NOT_SYNCED_BY_DEFAULT.contains(folder.role()))
                    .update();
        }
        jdbc.sql("delete from mail_folders where account_id = :account and not (name = any(:names))")
                .param("account", accountId)
                .param("names", folders.stream().map(ServerFolder::name).toArray(String[]::new))
                .update();
    }

    public List<StoredFolder> stored(UUID accountId) {
        return jdbc.sql("""
                        select id, name, role, sync from mail_folders where account_id = :account
                        order by case role when 'inbox' then 0 when 'sent' then 1 when 'drafts' then 2
                            when 'archive' then 3 when 'all' then 4 when 'junk' then 5 when 'trash' then 6 else 7 end,
                            lower(name)
                        """)
                .param("account", accountId)
                .query((rs, row) -> new StoredFolder(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("role"),
                        rs.getBoolean("sync")))
                .list();
    }

    /** Syncs exactly the named folders; returns how many rows changed. */
    public int chooseSynced(UUID accountId, List<String> names) {
        return jdbc.sql("""
                        update mail_folders set sync = (name = any(:names))
                        where account_id = :account and sync <> (name = any(:names))
                        """)
                .param("account", accountId)
                .param("names", names.toArray(String[]::new))
                .update();
    }
}
