package io.team365.deals;

import io.team365.core.exporting.ExportColumn;
import io.team365.core.exporting.ExportRow;
import io.team365.core.exporting.ExportStreams;
import io.team365.core.paging.Filters;
import io.team365.core.paging.TextSearch;
import io.team365.customfields.CustomFieldExports;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals for exports: the same selection as the filter builder's list ({@code q}, the conditions, who may see
 * what), streamed with the stage, pipeline and company names joined in, never one query per row.
 */
@Service
public class DealExports {

    private final DealManagement records;
    private final TeamManagement team;
    private final CustomFieldExports customFields;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    DealExports(
            DealManagement records,
            TeamManagement team,
            CustomFieldExports customFields,
            DataSource dataSource,
            JdbcClient jdbc) {
        this.records = records;
        this.team = team;
        this.customFields = customFields;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** The columns in file order: the API's JSON fields, spreadsheet forms, then one per custom field. */
    public List<ExportColumn> columns() {
        List<ExportColumn> columns = new ArrayList<>(List.of(
                ExportColumn.id("id", "t.id"),
                ExportColumn.text("name", "t.name"),
                ExportColumn.csv("pipeline", "pl.name"),
                ExportColumn.id("pipelineId", "t.pipeline_id"),
                ExportColumn.csv("stage", "st.name"),
                ExportColumn.id("stageId", "t.stage_id"),
                ExportColumn.json(
                        "value",
                        "case when t.amount is null then 'null' else json_build_object('amount',"
                                + " t.amount::text, 'currency', t.currency)::text end"),
                new ExportColumn("amount", "t.amount::text", ExportColumn.Use.CSV, ExportColumn.Kind.RAW),
                ExportColumn.csv("currency", "t.currency"),
                ExportColumn.text("closeDate", "t.close_date::text"),
                ExportColumn.csv("company", "co.name"),
                ExportColumn.id("companyId", "t.company_id"),
                ExportColumn.json(
                        "contactIds",
                        "(select coalesce(json_agg(dc.contact_id order by dc.position), '[]') from deal_contacts dc"
                                + " where dc.tenant_id = t.tenant_id and dc.deal_id = t.id)::text"),
                new ExportColumn("owner", "t.owner_id::text", ExportColumn.Use.CSV, ExportColumn.Kind.USER),
                ExportColumn.id("ownerId", "t.owner_id")));
        columns.addAll(ExportColumn.textArray("tags", "t.tags"));
        columns.addAll(List.of(
                ExportColumn.json("customFields", "t.custom_fields::text"),
                ExportColumn.text("status", "t.status"),
                ExportColumn.timestamp("closedAt", "t.closed_at"),
                ExportColumn.text("lostReason", "t.lost_reason"),
                ExportColumn.text("wonReason", "t.won_reason"),
                ExportColumn.json("version", "t.version::text"),
                ExportColumn.timestamp("createdAt", "t.created_at"),
                ExportColumn.timestamp("updatedAt", "t.updated_at"),
                ExportColumn.json("deletedAt", "null")));
        columns.addAll(customFields.csvColumns("deal", "t"));
        return columns;
    }

    /** How many deals the selection has now; a bad condition is refused naming it, as the list does. */
    @Transactional(readOnly = true)
    public long count(String q, List<Filters.Condition> filters) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, filters, params);
        return jdbc.sql("select count(*) from deals where " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Streams the selected deals' {@code columns} (a subset of {@link #columns()}, in any order). */
    @Transactional(readOnly = true)
    public void forEach(
            String q, List<Filters.Condition> filters, List<ExportColumn> columns, Consumer<ExportRow> rows) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, filters, params);
        ExportStreams.stream(
                dataSource,
                columns,
                "(select * from deals where " + where + ") t"
                        + " left join companies co on co.tenant_id = t.tenant_id and co.id = t.company_id"
                        + " left join pipelines pl on pl.tenant_id = t.tenant_id and pl.id = t.pipeline_id"
                        + " left join pipeline_stages st on st.tenant_id = t.tenant_id and st.id = t.stage_id",
                params,
                rows);
    }

    /** The list's conditions (the list query), without the page's order and cursor. */
    private String where(String q, List<Filters.Condition> filters, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        where.add("deleted_at is null");
        String pattern = TextSearch.containsPattern(q);
        if (pattern != null) {
            where.add("name ilike :q");
            params.put("q", pattern);
        }
        where.add(new Filters(records.filterFields())
                .toSql(filters, params, SignedInUser.require().userId()));
        where.add(team.recordScope().sql(null, params));
        return String.join(" and ", where);
    }
}
