package io.team365.deals.internal;

import static io.team365.core.database.RecordRows.instant;

import io.team365.core.Money;
import io.team365.core.TenantId;
import io.team365.core.database.RecordRows;
import io.team365.deals.Deal;
import io.team365.deals.DealFields;
import io.team365.deals.StageKind;
import io.team365.identity.RecordScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads and writes {@code deals} and {@code deal_contacts}; row-level security keeps every statement in the Client. */
@Component
public class DealStore {

    static final String COLUMNS = "id, name, pipeline_id, stage_id, amount, currency, close_date, company_id,"
            + " owner_id, tags, custom_fields, status, closed_at, lost_reason, won_reason, created_at, created_by,"
            + " updated_at, updated_by, version, deleted_at, (select coalesce(array_agg(dc.contact_id order by"
            + " dc.position), '{}') from deal_contacts dc where dc.tenant_id = deals.tenant_id and dc.deal_id ="
            + " deals.id) as contact_ids";

    private final JdbcClient jdbc;
    private final RecordRows rows;
    private final ObjectMapper json;

    DealStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.rows = new RecordRows(jdbc, DealRecords.TABLE);
        this.json = json;
    }

    public void insert(TenantId tenant, UUID id, DealFields fields, StageKind status, UUID by) {
        jdbc.sql("""
                        insert into deals (tenant_id, id, name, pipeline_id, stage_id, amount, currency, close_date,
                            company_id, owner_id, tags, custom_fields, status, closed_at, lost_reason, won_reason,
                            created_by, updated_by)
                        values (:tenant, :id, :name, :pipeline, :stage, :amount, :currency, :closeDate, :company,
                            :owner, cast(:tags as text[]), cast(:custom as jsonb), :status,
                            case when :status = 'open' then null else now() end, :lost, :won, :by, :by)
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .params(fieldParams(fields, status))
                .param("by", by)
                .update();
        writeContacts(tenant, id, fields.contactIds());
    }

    /**
     * Applies the fields if the stored version is still {@code expectedVersion}; false if someone was faster.
     * {@code closedAt} is stamped when the deal enters a won or lost stage and cleared when it reopens.
     */
    public boolean update(TenantId tenant, UUID id, DealFields fields, StageKind status, int expectedVersion, UUID by) {
        boolean done = rows.update("""
                name = :name, pipeline_id = :pipeline, stage_id = :stage,
                amount = :amount, currency = :currency, close_date = :closeDate,
                company_id = :company, owner_id = :owner, tags = cast(:tags as text[]),
                custom_fields = cast(:custom as jsonb), lost_reason = :lost, won_reason = :won,
                closed_at = case when :status = 'open' then null
                                 when stage_id <> :stage or status <> :status then now()
                                 else closed_at end,
                status = :status
                """, fieldParams(fields, status), id, expectedVersion, by);
        if (done) {
            jdbc.sql("delete from deal_contacts where deal_id = :id")
                    .param("id", id)
                    .update();
            writeContacts(tenant, id, fields.contactIds());
        }
        return done;
    }

    public Optional<Deal> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from deals where id = :id")
                .param("id", id)
                .query(this::deal)
                .optional();
    }

    /** The deal, if the scope includes it (trash included). */
    public Optional<Deal> findVisible(UUID id, RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        String visible = scope.sql(null, params);
        return jdbc.sql("select " + COLUMNS + " from deals where id = :id and " + visible)
                .params(params)
                .param("id", id)
                .query(this::deal)
                .optional();
    }

    public boolean moveToTrash(UUID id, UUID by) {
        return rows.moveToTrash(id, by);
    }

    public boolean restore(UUID id, UUID by) {
        return rows.restore(id, by);
    }

    public List<Deal> list(String where, Map<String, Object> params, String orderBy, int limit) {
        return jdbc.sql("select " + COLUMNS + " from deals where " + where + " order by " + orderBy + " limit :limit")
                .params(params)
                .param("limit", limit)
                .query(this::deal)
                .list();
    }

    /** Rows of (group, currency, count, sum) for visible deals matching {@code where}, grouped by {@code group}. */
    public List<Sum> sums(String group, String where, Map<String, Object> params) {
        return jdbc.sql("select " + group + " as grp, currency, count(*) as n, sum(amount) as total from deals"
                        + " where deleted_at is null and " + where + " group by " + group + ", currency")
                .params(params)
                .query((rs, n) -> new Sum(
                        rs.getString("grp"), rs.getString("currency"), rs.getInt("n"), rs.getBigDecimal("total")))
                .list();
    }

    /** One group's deals in one currency (null: deals without a value). */
    public record Sum(String group, String currency, int count, java.math.BigDecimal total) {}

    private void writeContacts(TenantId tenant, UUID deal, List<UUID> contacts) {
        for (int i = 0; i < contacts.size(); i++) {
            jdbc.sql("insert into deal_contacts (tenant_id, deal_id, contact_id, position)"
                            + " values (:tenant, :deal, :contact, :position)")
                    .param("tenant", tenant.value())
                    .param("deal", deal)
                    .param("contact", contacts.get(i))
                    .param("position", i)
                    .update();
        }
    }

    private Map<String, Object> fieldParams(DealFields fields, StageKind status) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", fields.name());
        params.put("pipeline", fields.pipelineId());
        params.put("stage", fields.stageId());
        params.put("amount", fields.value() == null ? null : fields.value().amount());
        params.put("currency", fields.value() == null ? null : fields.value().currency());
        params.put("closeDate", fields.closeDate());
        params.put("company", fields.companyId());
        params.put("owner", fields.ownerId());
        params.put("tags", RecordRows.textArray(fields.tags()));
        params.put("custom", json.writeValueAsString(fields.customFields()));
        params.put("status", status.value());
        params.put("lost", fields.lostReason());
        params.put("won", fields.wonReason());
        return params;
    }

    private Deal deal(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        Array contacts = rs.getArray("contact_ids");
        java.math.BigDecimal amount = rs.getBigDecimal("amount");
        java.sql.Date close = rs.getDate("close_date");
        return new Deal(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getObject("pipeline_id", UUID.class),
                rs.getObject("stage_id", UUID.class),
                amount == null ? null : new Money(amount, rs.getString("currency")),
                close == null ? null : close.toLocalDate(),
                rs.getObject("company_id", UUID.class),
                contacts == null ? List.of() : Arrays.asList((UUID[]) contacts.getArray()),
                rs.getObject("owner_id", UUID.class),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                json.readValue(rs.getString("custom_fields"), new TypeReference<Map<String, Object>>() {}),
                StageKind.parse(rs.getString("status")).orElseThrow(),
                instant(rs.getTimestamp("closed_at")),
                rs.getString("lost_reason"),
                rs.getString("won_reason"),
                instant(rs.getTimestamp("created_at")),
                rs.getObject("created_by", UUID.class),
                instant(rs.getTimestamp("updated_at")),
                rs.getObject("updated_by", UUID.class),
                rs.getInt("version"),
                instant(rs.getTimestamp("deleted_at")));
    }
}
