package io.team365.views.internal;

import io.team365.core.TenantId;
import io.team365.core.paging.Filters;
import io.team365.views.SavedView;
import io.team365.views.ViewDefinition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads and writes {@code saved_views}; a person sees their own views and the shared ones. */
@Repository
public class SavedViews {

    private static final String COLUMNS = "id, object, name, owner_id, shared, columns, filters, q, sort";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SavedViews(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<SavedView> visibleTo(UUID me, String object) {
        return jdbc.sql("select " + COLUMNS + " from saved_views where object = :object"
                        + " and (shared or owner_id = :me) order by shared, lower(name)")
                .param("object", object)
                .param("me", me)
                .query(this::view)
                .list();
    }

    public Optional<SavedView> find(UUID id, UUID me) {
        return jdbc.sql("select " + COLUMNS + " from saved_views where id = :id and (shared or owner_id = :me)")
                .param("id", id)
                .param("me", me)
                .query(this::view)
                .optional();
    }

    public int countOwnedBy(UUID me, String object) {
        return jdbc.sql("select count(*) from saved_views where owner_id = :me and object = :object")
                .param("me", me)
                .param("object", object)
                .query(Integer.class)
                .single();
    }

    public void insert(TenantId tenant, UUID id, String object, UUID owner, ViewDefinition view) {
        jdbc.sql("""
                        insert into saved_views (tenant_id, id, object, name, owner_id, shared, columns, filters, q, sort)
                        values (:tenant, :id, :object, :name, :owner, :shared, :columns, cast(:filters as jsonb), :q, :sort)
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .param("object", object)
                .param("owner", owner)
                .params(values(view))
                .update();
    }

    public void update(UUID id, ViewDefinition view) {
        jdbc.sql("""
                        update saved_views set name = :name, shared = :shared, columns = :columns,
                            filters = cast(:filters as jsonb), q = :q, sort = :sort, updated_at = now()
                        where id = :id
                        """).param("id", id).params(values(view)).update();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from saved_views where id = :id").param("id", id).update();
    }

    private java.util.Map<String, Object> values(ViewDefinition view) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("name", view.name());
        values.put("shared", Boolean.TRUE.equals(view.shared()));
        values.put("columns", view.columns().toArray(String[]::new));
        values.put("filters", json.writeValueAsString(view.filters()));
        values.put("q", view.q());
        values.put("sort", view.sort());
        return values;
    }

    private SavedView view(ResultSet rs, int row) throws SQLException {
        return new SavedView(
                rs.getObject("id", UUID.class),
                rs.getString("object"),
                rs.getString("name"),
                rs.getObject("owner_id", UUID.class),
                rs.getBoolean("shared"),
                Arrays.asList((String[]) rs.getArray("columns").getArray()),
                json.readValue(rs.getString("filters"), new TypeReference<List<Filters.Condition>>() {}),
                rs.getString("q"),
                rs.getString("sort"));
    }
}
