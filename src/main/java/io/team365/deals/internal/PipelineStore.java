package io.team365.deals.internal;

import io.team365.core.Ids;
import io.team365.core.TenantId;
import io.team365.deals.Pipeline;
import io.team365.deals.Stage;
import io.team365.deals.StageKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes {@code pipelines} and their {@code pipeline_stages}; row-level security keeps it in the Client. */
@Component
public class PipelineStore {

    /** The pipeline every Client starts with: name, probability, kind of each stage. */
    private static final List<Stage> DEFAULT_STAGES = List.of(
            new Stage(null, "Qualified", 10, StageKind.OPEN),
            new Stage(null, "Needs analysis", 25, StageKind.OPEN),
            new Stage(null, "Proposal", 50, StageKind.OPEN),
            new Stage(null, "Negotiation", 75, StageKind.OPEN),
            new Stage(null, "Won", 100, StageKind.WON),
            new Stage(null, "Lost", 0, StageKind.LOST));

    /** Advisory lock key space of the default pipeline's creation (other key spaces: 1 and 2, sign-in throttle). */
    private static final int DEFAULT_PIPELINE_LOCK = 19;

    private final JdbcClient jdbc;

    PipelineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the default "Sales pipeline" if the Client has no pipeline. Concurrent first uses serialise on a
     * transaction-scoped advisory lock per Client, and the second one finds the first one's pipeline.
     */
    public void ensureDefault(TenantId tenant) {
        if (any()) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:tenant))")
                .param("space", DEFAULT_PIPELINE_LOCK)
                .param("tenant", tenant.value().toString())
                .query((rs, n) -> 1)
                .list();
        if (!any()) {
            insert(tenant, Ids.newId(), "Sales pipeline", DEFAULT_STAGES);
        }
    }

    private boolean any() {
        return jdbc.sql("select exists (select 1 from pipelines)")
                .query(Boolean.class)
                .single();
    }

    public static List<Stage> defaultStages() {
        return DEFAULT_STAGES;
    }

    public List<Pipeline> all() {
        List<Pipeline> shells = jdbc.sql(
                        "select id, name, version, created_at, updated_at from pipelines order by position, created_at, id")
                .query(this::shell)
                .list();
        Map<UUID, List<Stage>> stages = stagesOf(null);
        return shells.stream().map(p -> withStages(p, stages)).toList();
    }

    public Optional<Pipeline> find(UUID id) {
        return jdbc.sql("select id, name, version, created_at, updated_at from pipelines where id = :id")
                .param("id", id)
                .query(this::shell)
                .optional()
                .map(p -> withStages(p, stagesOf(id)));
    }

    public void insert(TenantId tenant, UUID id, String name, List<Stage> stages) {
        jdbc.sql("""
                        insert into pipelines (tenant_id, id, name, position)
                        values (:tenant, :id, :name, (select coalesce(max(position), 0) + 1 from pipelines))
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .param("name", name)
                .update();
        for (int i = 0; i < stages.size(); i++) {
            insertStage(tenant, id, stages.get(i), i);
        }
    }

    /** Renames and replaces the stages if the version is still {@code expectedVersion}; false if someone was faster. */
    public boolean update(TenantId tenant, UUID id, String name, List<Stage> stages, int expectedVersion) {
        int changed = jdbc.sql("update pipelines set name = :name, updated_at = now(), version = version + 1"
                        + " where id = :id and version = :version")
                .param("name", name)
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed != 1) {
            return false;
        }
        List<UUID> kept = stages.stream()
                .map(Stage::id)
                .filter(java.util.Objects::nonNull)
                .toList();
        jdbc.sql("delete from pipeline_stages where pipeline_id = :id and not (id = any(:kept))")
                .param("id", id)
                .param("kept", kept.toArray(UUID[]::new))
                .update();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (stage.id() == null) {
                insertStage(tenant, id, stage, i);
            } else {
                jdbc.sql("update pipeline_stages set name = :name, probability = :probability, kind = :kind,"
                                + " position = :position where id = :stage and pipeline_id = :id")
                        .param("name", stage.name())
                        .param("probability", stage.probability())
                        .param("kind", stage.kind().value())
                        .param("position", i)
                        .param("stage", stage.id())
                        .param("id", id)
                        .update();
            }
        }
        return true;
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from pipelines where id = :id").param("id", id).update() == 1;
    }

    public int count() {
        return jdbc.sql("select count(*) from pipelines").query(Integer.class).single();
    }

    /** Deals of the pipeline, the trash included (a restored deal needs its pipeline). */
    public int dealsIn(UUID pipelineId) {
        return jdbc.sql("select count(*) from deals where pipeline_id = :id")
                .param("id", pipelineId)
                .query(Integer.class)
                .single();
    }

    /** Which of these stages still hold deals, the trash included. */
    public Set<UUID> stagesWithDeals(List<UUID> stageIds) {
        if (stageIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select distinct stage_id from deals where stage_id = any(:ids)")
                .param("ids", stageIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    private void insertStage(TenantId tenant, UUID pipeline, Stage stage, int position) {
        jdbc.sql("""
                        insert into pipeline_stages (tenant_id, id, pipeline_id, name, probability, kind, position)
                        values (:tenant, :id, :pipeline, :name, :probability, :kind, :position)
                        """)
                .param("tenant", tenant.value())
                .param("id", Ids.newId())
                .param("pipeline", pipeline)
                .param("name", stage.name())
                .param("probability", stage.probability())
                .param("kind", stage.kind().value())
                .param("position", position)
                .update();
    }

    private Map<UUID, List<Stage>> stagesOf(UUID pipeline) {
        Map<UUID, List<Stage>> byPipeline = new LinkedHashMap<>();
        jdbc.sql("select pipeline_id, id, name, probability, kind from pipeline_stages"
                        + (pipeline == null ? "" : " where pipeline_id = :pipeline")
                        + " order by pipeline_id, position, id")
                .params(pipeline == null ? Map.of() : Map.of("pipeline", pipeline))
                .query((ResultSet rs) -> {
                    byPipeline
                            .computeIfAbsent(rs.getObject("pipeline_id", UUID.class), k -> new ArrayList<>())
                            .add(new Stage(
                                    rs.getObject("id", UUID.class),
                                    rs.getString("name"),
                                    rs.getInt("probability"),
                                    StageKind.parse(rs.getString("kind")).orElseThrow()));
                });
        return byPipeline;
    }

    private Pipeline withStages(Pipeline shell, Map<UUID, List<Stage>> stages) {
        return new Pipeline(
                shell.id(),
                shell.name(),
                stages.getOrDefault(shell.id(), List.of()),
                shell.version(),
                shell.createdAt(),
                shell.updatedAt());
    }

    private Pipeline shell(ResultSet rs, int row) throws SQLException {
        return new Pipeline(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                List.of(),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
