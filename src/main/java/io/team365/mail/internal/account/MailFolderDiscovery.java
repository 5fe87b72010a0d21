package io.team365.mail.internal.account;

import io.team365.mail.internal.connect.FolderRoles;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A mailbox's folders as the server lists them, kept in {@code mail_folders} with their role: from the special-use
 * attributes (RFC 6154) where the server sends them, else from the well-known names. New folders are synced unless
 * they hold trash, spam or the server's drafts ({@link FolderRoles#OFF_BY_DEFAULT}).
 */
@Component
public class MailFolderDiscovery {

    /** A folder on the server. */
    public record ServerFolder(String name, String role) {}

    /** A folder as stored, with whether it is synced. */
    public record StoredFolder(UUID id, String name, String role, boolean sync) {}

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
            folders.add(new ServerFolder(
                    folder.getFullName(), FolderRoles.of(folder.getFullName(), folder.getSeparator(), attributes)));
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

    /**
     * Brings the stored folders in line with the server's: new ones are added, roles refreshed, and folders gone
     * from the server removed when they hold no synced mail (the sync removes the others with their mail). Whether a
     * folder is synced is the user's choice and is kept.
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
                    .param("sync", folder.role() == null || !FolderRoles.OFF_BY_DEFAULT.contains(folder.role()))
                    .update();
        }
        // a gone folder that holds synced mail is left to the next sync, which removes it with the mail that was
        // only there (deleting it here would leave that mail in no folder, never to be cleaned up)
        jdbc.sql("""
                        delete from mail_folders f where f.account_id = :account and not (f.name = any(:names))
                            and not exists (select 1 from mail_locations l
                                            where l.tenant_id = f.tenant_id and l.folder_id = f.id)
                        """)
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
