package io.team365.files.internal;

import io.team365.core.TenantId;
import io.team365.core.paging.KeysetSort;
import io.team365.core.paging.KeysetSort.Column;
import io.team365.core.paging.KeysetSort.Type;
import io.team365.core.paging.Page;
import io.team365.files.Attachment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code attachments}; row-level security keeps every statement inside the bound Client. Whether
 * the caller may see the record an attachment belongs to is the service's check, not this table's.
 */
@Repository
public class AttachmentStore {

    /** An attachment with where its bytes are. */
    public record Stored(Attachment attachment, String storageKey) {}

    static final KeysetSort<Attachment> SORTS = new KeysetSort<>(
            new Column<>("createdAt", "created_at", Type.TIMESTAMP, Attachment::createdAt),
            true,
            new Column<>("fileName", "lower(file_name)", Type.TEXT_LOWER, Attachment::fileName),
            new Column<>("size", "size", Type.NUMBER, Attachment::size));

    private static final String COLUMNS = "id, record_type, record_id, file_name, content_type, size, sha256,"
            + " storage_key, uploaded_by, created_at, deleted_at";

    private final JdbcClient jdbc;

    AttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Blobs are keyed by Client and attachment, so the key of a purged row can be known without the row. */
    public static String storageKey(TenantId tenant, UUID id) {
        return tenant.value() + "/" + id;
    }

    public void insert(TenantId tenant, Attachment a, String storageKey) {
        jdbc.sql("""
                        insert into attachments (tenant_id, id, record_type, record_id, file_name, content_type, size,
                            sha256, storage_key, uploaded_by, created_at)
                        values (:tenant, :id, :type, :record, :name, :contentType, :size, :sha, :key, :by, :at)
                        """)
                .param("tenant", tenant.value())
                .param("id", a.id())
                .param("type", a.recordType())
                .param("record", a.recordId())
                .param("name", a.fileName())
                .param("contentType", a.contentType())
                .param("size", a.size())
                .param("sha", a.sha256())
                .param("key", storageKey)
                .param("by", a.uploadedBy())
                .param("at", Timestamp.from(a.createdAt()))
                .update();
    }

    public Optional<Stored> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from attachments where id = :id")
                .param("id", id)
                .query(AttachmentStore::stored)
                .optional();
    }

    /** A keyset page of one record's attachments (or of its trash), newest first unless sorted otherwise. */
    public Page<Attachment> list(
            String recordType, UUID recordId, boolean deleted, String sort, String cursor, int limit) {
        KeysetSort.Order<Attachment> order = SORTS.parse(sort);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("record_type = :type and record_id = :record");
        params.put("type", recordType);
        params.put("record", recordId);
        where.add(deleted ? "deleted_at is not null" : "deleted_at is null");
        if (cursor != null && !cursor.isBlank()) {
            where.add(order.after(cursor, params));
        }
        List<Attachment> rows = jdbc.sql("select " + COLUMNS + " from attachments where " + String.join(" and ", where)
                        + " order by " + order.orderBy() + " limit " + (limit + 1))
                .params(params)
                .query((rs, n) -> stored(rs, n).attachment())
                .list();
        return KeysetSort.page(rows, limit, order, Attachment::id);
    }

    public boolean moveToTrash(UUID id) {
        return jdbc.sql("update attachments set deleted_at = now() where id = :id and deleted_at is null")
                        .param("id", id)
                        .update()
                == 1;
    }

    public boolean restore(UUID id) {
        return jdbc.sql("update attachments set deleted_at = null where id = :id and deleted_at is not null")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Deletes every attachment of the records, trash included; returns the blobs' keys. */
    public List<String> deleteOf(String recordType, List<UUID> recordIds) {
        return jdbc.sql("delete from attachments where record_type = :type and record_id = any(:ids)"
                        + " returning storage_key")
                .param("type", recordType)
                .param("ids", recordIds.toArray(UUID[]::new))
                .query(String.class)
                .list();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                new Attachment(
                        rs.getObject("id", UUID.class),
                        rs.getString("record_type"),
                        rs.getObject("record_id", UUID.class),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size"),
                        rs.getString("sha256"),
                        rs.getObject("uploaded_by", UUID.class),
                        instant(rs, "created_at"),
                        instant(rs, "deleted_at")),
                rs.getString("storage_key"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
