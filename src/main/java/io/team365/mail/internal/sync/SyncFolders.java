package io.team365.mail.internal.sync;

import io.team365.core.TenantId;
import io.team365.mail.internal.connect.FolderRoles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code mail_folders} rows and the folder side of {@code mail_locations}, for the bound Client: which folders
 * an account has, where each one's sync stands, and which UIDs are stored for it.
 */
@Component
class SyncFolders {

    /** A folder as stored: where its sync stands. */
    record Folder(
            UUID id,
            String name,
            String role,
            boolean sync,
            Long uidvalidity,
            long lastUid,
            Long highestModseq,
            boolean initialDone) {}

    /** A stored location with its message's flags. */
    record Location(long uid, UUID messageId, boolean seen, boolean flagged, boolean answered) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SyncFolders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Adds a folder found on the server (keeping a stored one and its settings); a role found later is kept. Spam
     * and bin folders start unsynced.
     */
    void discovered(TenantId tenant, UUID accountId, String name, String role) {
        jdbc.sql("""
                        insert into mail_folders (tenant_id, account_id, id, name, role, sync)
                        values (:tenant, :account, :id, :name, :role, :sync)
                        on conflict (tenant_id, account_id, name)
                            do update set role = coalesce(mail_folders.role, excluded.role)
                        """)
                .param("tenant", tenant.value())
                .param("account", accountId)
                .param("id", UUID.randomUUID())
                .param("name", name)
                .param("role", role)
                .param("sync", role == null || !FolderRoles.OFF_BY_DEFAULT.contains(role))
                .update();
    }

    /**
     * Removes the account's folders the server no longer lists, with their locations; returns the messages that were
     * in them (the caller deletes those that are now in no folder). A listing without INBOX, which every IMAP server
     * has, is taken for a glitch and removes nothing.
     */
    List<UUID> removeMissing(UUID accountId, Collection<String> listed) {
        if (listed.stream().noneMatch(name -> name.equalsIgnoreCase("INBOX"))) {
            return List.of();
        }
        java.util.Set<String> names = java.util.Set.copyOf(listed);
        List<UUID> gone = ofAccount(accountId).stream()
                .filter(folder -> !names.contains(folder.name()))
                .map(Folder::id)
                .toList();
        if (gone.isEmpty()) {
            return List.of();
        }
        List<UUID> messages = jdbc.sql("delete from mail_locations where folder_id in (:folders) returning message_id")
                .param("folders", gone)
                .query(UUID.class)
                .list();
        jdbc.sql("delete from mail_folders where id in (:folders)")
                .param("folders", gone)
                .update();
        return messages;
    }

    List<Folder> ofAccount(UUID accountId) {
        return jdbc.sql("""
                        select id, name, role, sync, uidvalidity, last_uid, highest_modseq, last_synced_at
                        from mail_folders where account_id = :account order by name
                        """)
                .param("account", accountId)
                .query(SyncFolders::folder)
                .list();
    }

    /**
     * The server renumbered the folder (new UIDVALIDITY): its locations are dropped and it is read again from the
     * start. Returns the messages that were there, which the sync deletes if the re-read does not find them again.
     */
    List<UUID> renumbered(UUID folderId, long uidvalidity) {
        List<UUID> messages = jdbc.sql("delete from mail_locations where folder_id = :folder returning message_id")
                .param("folder", folderId)
                .query(UUID.class)
                .list();
        jdbc.sql("""
                        update mail_folders set uidvalidity = :validity, last_uid = 0, highest_modseq = null,
                            last_synced_at = null
                        where id = :folder
                        """).param("validity", uidvalidity).param("folder", folderId).update();
        return messages;
    }

    /** Moves the folder's checkpoint, in the transaction of the batch that stored everything up to that UID. */
    void advance(UUID folderId, long lastUid) {
        jdbc.sql("update mail_folders set last_uid = greatest(last_uid, :uid) where id = :folder")
                .param("uid", lastUid)
                .param("folder", folderId)
                .update();
    }

    /** The folder is read up to {@code lastUid} and its flags and deletions are current. */
    void synced(UUID folderId, long lastUid, Long highestModseq) {
        jdbc.sql("""
                        update mail_folders set last_uid = greatest(last_uid, :uid), highest_modseq = :modseq,
                            last_synced_at = :now
                        where id = :folder
                        """)
                .param("uid", lastUid)
                .param("modseq", highestModseq)
                .param("now", Timestamp.from(clock.instant()))
                .param("folder", folderId)
                .update();
    }

    /**
     * The folder's stored locations from {@code fromUid} on, by UID, with their messages' flags. The locations and
     * their messages are each read once before they are joined (ADR 0034): planned as a nested loop over a large
     * {@code mail_messages}, this took two seconds per 1,000-message folder in the benchmark.
     */
    List<Location> locations(UUID folderId, long fromUid) {
        return jdbc.sql("""
                        with l as materialized (
                                 select uid, message_id from mail_locations where folder_id = :folder and uid >= :from),
                             m as materialized (
                                 select id, seen, flagged, answered from mail_messages
                                 where id = any(array(select message_id from l)))
                        select l.uid, l.message_id, m.seen, m.flagged, m.answered
                        from l join m on m.id = l.message_id order by l.uid
                        """)
                .param("folder", folderId)
                .param("from", fromUid)
                .query((rs, n) -> new Location(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5)))
                .list();
    }

    /** Removes locations gone from the server; returns the messages that were there. */
    List<UUID> removeLocations(UUID folderId, Collection<Long> uids) {
        List<UUID> messages = new ArrayList<>();
        for (List<Long> chunk : chunks(new ArrayList<>(uids), 1000)) {
            messages.addAll(jdbc.sql(
                            "delete from mail_locations where folder_id = :folder and uid in (:uids) returning message_id")
                    .param("folder", folderId)
                    .param("uids", chunk)
                    .query(UUID.class)
                    .list());
        }
        return messages;
    }

    static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    private static Folder folder(ResultSet rs, int row) throws SQLException {
        long validity = rs.getLong("uidvalidity");
        Long uidvalidity = rs.wasNull() ? null : validity;
        long modseq = rs.getLong("highest_modseq");
        Long highestModseq = rs.wasNull() ? null : modseq;
        return new Folder(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("role"),
                rs.getBoolean("sync"),
                uidvalidity,
                rs.getLong("last_uid"),
                highestModseq,
                rs.getTimestamp("last_synced_at") != null);
    }
}
