package io.team365.timeline.internal;

import io.team365.core.Ids;
import io.team365.core.TenantId;
import io.team365.timeline.TimelineEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

@Repository
public class TimelineEntries {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TimelineEntries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(
            TenantId tenant,
            String recordType,
            UUID recordId,
            Instant at,
            UUID actorId,
            String actorName,
            String kind,
            String summary,
            List<TimelineEntry.Change> changes) {
        jdbc.sql("""
                        insert into timeline_entries
                            (tenant_id, id, record_type, record_id, occurred_at, actor_id, actor_name, kind, summary, changes)
                        values (:tenant, :id, :type, :record, :at, :actor, :name, :kind, :summary, cast(:changes as jsonb))
                        """)
                .param("tenant", tenant.value())
                .param("id", Ids.newId())
                .param("type", recordType)
                .param("record", recordId)
                .param("at", Timestamp.from(at))
                .param("actor", actorId)
                .param("name", actorName)
                .param("kind", kind)
                .param("summary", summary)
                .param("changes", json.writeValueAsString(changes))
                .update();
    }

    void removeAll(String recordType, List<UUID> recordIds) {
        jdbc.sql("delete from timeline_entries where record_type = :type and record_id = any(:ids)")
                .param("type", recordType)
                .param("ids", recordIds.toArray(UUID[]::new))
                .update();
    }

    /** Newest first; {@code before} is the id of the last entry of the previous page (null for the first). */
    public List<TimelineEntry> of(String recordType, UUID recordId, UUID before, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor_id, actor_name, kind, summary, changes from timeline_entries
                        where record_type = :type and record_id = :record
                          and (cast(:before as uuid) is null or (occurred_at, id) < (
                              select occurred_at, id from timeline_entries where id = :before))
                        order by occurred_at desc, id desc
                        limit :limit
                        """)
                .param("type", recordType)
                .param("record", recordId)
                .param("before", before)
                .param("limit", limit)
                .query(this::entry)
                .list();
    }

    private TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        return new TimelineEntry(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"),
                rs.getString("kind"),
                rs.getString("summary"),
                json.readValue(rs.getString("changes"), new TypeReference<List<TimelineEntry.Change>>() {}));
    }
}
