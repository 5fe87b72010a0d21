package io.team365.retention.internal;

import io.team365.retention.RetentionRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bound Client's run reports: a row per run, a row per rule it ran. */
@Repository
public class RetentionRuns {

    private final JdbcClient jdbc;

    RetentionRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs left unfinished for over an hour (the node running them stopped) are closed, so a new one may start. */
    int closeInterrupted(Instant now) {
        return jdbc.sql("update retention_runs set finished_at = :now, failures = failures + 1"
                        + " where finished_at is null and started_at < :stale")
                .param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(now.minusSeconds(3600)))
                .update();
    }

    void start(UUID tenant, UUID id, String trigger, UUID by, Instant at) {
        jdbc.sql("insert into retention_runs (tenant_id, id, trigger, started_by, started_at)"
                        + " values (:tenant, :id, :trigger, :by, :at)")
                .param("tenant", tenant)
                .param("id", id)
                .param("trigger", trigger)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    void result(UUID tenant, UUID run, RetentionRun.Result result) {
        jdbc.sql("""
                        insert into retention_run_results
                            (tenant_id, run_id, target_key, action, period, touched, started_at, finished_at, error)
                        values (:tenant, :run, :key, :action, :period, :touched, :started, :finished, :error)
                        """)
                .param("tenant", tenant)
                .param("run", run)
                .param("key", result.key())
                .param("action", result.action())
                .param("period", result.period())
                .param("touched", result.touched())
                .param("started", Timestamp.from(result.startedAt()))
                .param("finished", Timestamp.from(result.finishedAt()))
                .param("error", result.error())
                .update();
    }

    void finish(UUID id, Instant at, long touched, int failures) {
        jdbc.sql("update retention_runs set finished_at = :at, touched = :touched, failures = :failures"
                        + " where id = :id")
                .param("at", Timestamp.from(at))
                .param("touched", touched)
                .param("failures", failures)
                .param("id", id)
                .update();
    }

    /** The newest runs first, with their results. */
    public List<RetentionRun> recent(int limit) {
        record Row(UUID id, String trigger, UUID by, Instant started, Instant finished, long touched, int failures) {}
        List<Row> rows = jdbc.sql("select id, trigger, started_by, started_at, finished_at, touched, failures"
                        + " from retention_runs order by started_at desc, id desc limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(),
                        instant(rs, 5),
                        rs.getLong(6),
                        rs.getInt(7)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<RetentionRun.Result>> results = new LinkedHashMap<>();
        jdbc.sql("select run_id, target_key, action, period, touched, started_at, finished_at, error"
                        + " from retention_run_results where run_id in (:ids) order by target_key")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> {
                    results.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new RetentionRun.Result(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getLong(5),
                                    rs.getTimestamp(6).toInstant(),
                                    rs.getTimestamp(7).toInstant(),
                                    rs.getString(8)));
                    return null;
                })
                .list();
        return rows.stream()
                .map(r -> new RetentionRun(
                        r.id(),
                        r.trigger(),
                        r.by(),
                        r.started(),
                        r.finished(),
                        r.touched(),
                        r.failures(),
                        results.getOrDefault(r.id(), List.of())))
                .toList();
    }

    public Optional<RetentionRun> byId(UUID id) {
        return recent(1000).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
