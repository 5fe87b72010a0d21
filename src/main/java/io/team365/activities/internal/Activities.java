package io.team365.activities.internal;

import io.team365.activities.Activity;
import io.team365.activities.ActivityLink;
import io.team365.core.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code activities} and {@code activity_links}; row-level security keeps every statement in the bound Client. */
@Repository
class Activities {

    static final String COLUMNS =
            "id, type, subject, body, body_text, due_at, end_at, done, done_at, done_by, owner_id,"
                    + " created_at, created_by, updated_at, updated_by, version, deleted_at";

    private final JdbcClient jdbc;

    Activities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TenantId tenant, UUID id, CheckedActivity fields, boolean done, UUID by) {
        jdbc.sql("""
                        insert into activities (tenant_id, id, type, subject, body, body_text, due_at, end_at, done,
                            done_at, done_by, owner_id, created_by, updated_by)
                        values (:tenant, :id, :type, :subject, :body, :bodyText, :dueAt, :endAt, :done,
                            case when :done then now() end, case when :done then cast(:by as uuid) end, :owner, :by, :by)
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .params(fieldParams(fields))
                .param("done", done)
                .param("by", by)
                .update();
        insertLinks(tenant, id, fields.links());
    }

    /**
     * Applies the fields and the done state if the stored version is still {@code expectedVersion}; false if someone
     * was faster. Completing keeps the first completion's time and person; reopening clears them.
     */
    boolean update(TenantId tenant, UUID id, CheckedActivity fields, boolean done, int expectedVersion, UUID by) {
        boolean updated = jdbc.sql("""
                                update activities set type = :type, subject = :subject, body = :body,
                                    body_text = :bodyText, due_at = :dueAt, end_at = :endAt,
                                    done_at = case when not :done then null when done then done_at else now() end,
                                    done_by = case when not :done then null when done then done_by else cast(:by as uuid) end,
                                    done = :done, owner_id = :owner,
                                    updated_at = now(), updated_by = :by, version = version + 1
                                where id = :id and version = :version and deleted_at is null
                                """)
                        .params(fieldParams(fields))
                        .param("done", done)
                        .param("id", id)
                        .param("version", expectedVersion)
                        .param("by", by)
                        .update()
                == 1;
        if (updated) {
            jdbc.sql("delete from activity_links where activity_id = :id")
                    .param("id", id)
                    .update();
            insertLinks(tenant, id, fields.links());
        }
        return updated;
    }

    private void insertLinks(TenantId tenant, UUID id, List<ActivityLink> links) {
        for (int i = 0; i < links.size(); i++) {
            jdbc.sql("""
                            insert into activity_links (tenant_id, activity_id, record_type, record_id, position)
                            values (:tenant, :id, :type, :record, :position)
                            """)
                    .param("tenant", tenant.value())
                    .param("id", id)
                    .param("type", links.get(i).type())
                    .param("record", links.get(i).id())
                    .param("position", i)
                    .update();
        }
    }

    Optional<Activity> find(UUID id, String visible, Map<String, Object> params) {
        return withLinks(jdbc.sql("select " + COLUMNS + " from activities where id = :id and " + visible)
                        .params(params)
                        .param("id", id)
                        .query(Activities::activity)
                        .list())
                .stream()
                .findFirst();
    }

    boolean moveToTrash(UUID id, UUID by) {
        return jdbc.sql("update activities set deleted_at = now(), updated_at = now(), updated_by = :by,"
                                + " version = version + 1 where id = :id and deleted_at is null")
                        .param("id", id)
                        .param("by", by)
                        .update()
                == 1;
    }

    boolean restore(UUID id, UUID by) {
        return jdbc.sql("update activities set deleted_at = null, updated_at = now(), updated_by = :by,"
                                + " version = version + 1 where id = :id and deleted_at is not null")
                        .param("id", id)
                        .param("by", by)
                        .update()
                == 1;
    }

    List<Activity> list(String where, Map<String, Object> params, String orderBy, int limit) {
        return withLinks(jdbc.sql("select " + COLUMNS + " from activities where " + where + " order by " + orderBy
                        + " limit :limit")
                .params(params)
                .param("limit", limit)
                .query(Activities::activity)
                .list());
    }

    long count(String where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from activities where " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /**
     * Drops the links to records gone for good; activities left linked to nothing go to the trash, and their ids
     * are returned.
     */
    List<UUID> unlink(String recordType, List<UUID> recordIds) {
        List<UUID> touched = jdbc.sql("delete from activity_links where record_type = :type and record_id = any(:ids)"
                        + " returning activity_id")
                .param("type", recordType)
                .param("ids", recordIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
        if (touched.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        update activities set deleted_at = now(), updated_at = now(), version = version + 1
                        where id = any(:ids) and deleted_at is null
                          and not exists (select 1 from activity_links l where l.activity_id = activities.id)
                        returning id
                        """)
                .param("ids", new LinkedHashSet<>(touched).toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /** The activities with their links, read in one more query for the whole page. */
    private List<Activity> withLinks(List<Activity> activities) {
        if (activities.isEmpty()) {
            return activities;
        }
        Map<UUID, List<ActivityLink>> links = new HashMap<>();
        jdbc.sql("select activity_id, record_type, record_id from activity_links where activity_id = any(:ids)"
                        + " order by position")
                .param("ids", activities.stream().map(Activity::id).toArray(UUID[]::new))
                .query(rs -> {
                    links.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new ActivityLink(rs.getString(2), rs.getObject(3, UUID.class)));
                });
        return activities.stream()
                .map(a -> a.withLinks(links.getOrDefault(a.id(), List.of())))
                .toList();
    }

    private static Map<String, Object> fieldParams(CheckedActivity fields) {
        Map<String, Object> params = new HashMap<>();
        params.put("type", fields.type());
        params.put("subject", fields.subject());
        params.put("body", fields.body());
        params.put("bodyText", fields.bodyText());
        params.put("dueAt", timestamp(fields.dueAt()));
        params.put("endAt", timestamp(fields.endAt()));
        params.put("owner", fields.ownerId());
        return params;
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Activity activity(ResultSet rs, int row) throws SQLException {
        return new Activity(
                rs.getObject("id", UUID.class),
                rs.getString("type"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("body_text"),
                instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("end_at")),
                rs.getBoolean("done"),
                instant(rs.getTimestamp("done_at")),
                rs.getObject("done_by", UUID.class),
                rs.getObject("owner_id", UUID.class),
                List.of(),
                instant(rs.getTimestamp("created_at")),
                rs.getObject("created_by", UUID.class),
                instant(rs.getTimestamp("updated_at")),
                rs.getObject("updated_by", UUID.class),
                rs.getInt("version"),
                instant(rs.getTimestamp("deleted_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
