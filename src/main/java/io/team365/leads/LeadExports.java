package io.team365.leads;

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
 * Leads for exports: the same selection as the list ({@code q}, the filter builder's conditions, who may see
 * what), streamed; the exports module writes the files.
 */
@Service
public class LeadExports {

    private final LeadManagement records;
    private final TeamManagement team;
    private final CustomFieldExports customFields;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    LeadExports(
            LeadManagement records,
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
                ExportColumn.text("firstName", "t.first_name"),
                ExportColumn.text("lastName", "t.last_name"),
                ExportColumn.primary("email", "t.emails::text", "address"),
                ExportColumn.list("emails", "t.emails::text", "address"),
                ExportColumn.json("emails", "t.emails::text"),
                ExportColumn.list("phones", "t.phones::text", "number"),
                ExportColumn.json("phones", "t.phones::text"),
                ExportColumn.text("jobTitle", "t.job_title"),
                ExportColumn.text("companyName", "t.company_name"),
                new ExportColumn("owner", "t.owner_id::text", ExportColumn.Use.CSV, ExportColumn.Kind.USER),
                ExportColumn.id("ownerId", "t.owner_id")));
        columns.addAll(ExportColumn.textArray("tags", "t.tags"));
        columns.addAll(List.of(
                ExportColumn.text("source", "t.source"),
                ExportColumn.text("status", "t.status"),
                ExportColumn.text("unqualifiedReason", "t.unqualified_reason"),
                ExportColumn.json("customFields", "t.custom_fields::text"),
                ExportColumn.timestamp("convertedAt", "t.converted_at"),
                ExportColumn.id("convertedContactId", "t.converted_contact_id"),
                ExportColumn.id("convertedCompanyId", "t.converted_company_id"),
                ExportColumn.id("convertedDealId", "t.converted_deal_id"),
                ExportColumn.json("version", "t.version::text"),
                ExportColumn.timestamp("createdAt", "t.created_at"),
                ExportColumn.json("createdBy", "to_jsonb(t.created_by)::text"),
                ExportColumn.timestamp("updatedAt", "t.updated_at"),
                ExportColumn.json("updatedBy", "to_jsonb(t.updated_by)::text"),
                ExportColumn.json("deletedAt", "null")));
        columns.addAll(customFields.csvColumns("lead", "t"));
        return columns;
    }

    /** How many leads the selection has now; a bad condition is refused naming it, as the list does. */
    @Transactional(readOnly = true)
    public long count(String q, List<Filters.Condition> filters) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, filters, params);
        return jdbc.sql("select count(*) from leads where " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Streams the selected leads' {@code columns} (a subset of {@link #columns()}, in any order). */
    @Transactional(readOnly = true)
    public void forEach(
            String q, List<Filters.Condition> filters, List<ExportColumn> columns, Consumer<ExportRow> rows) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, filters, params);
        ExportStreams.stream(dataSource, columns, "(select * from leads where " + where + ") t", params, rows);
    }

    /** The list's conditions (the list query), without the page's order and cursor. */
    private String where(String q, List<Filters.Condition> filters, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        where.add("deleted_at is null");
        String pattern = TextSearch.containsPattern(q);
        if (pattern != null) {
            where.add("(coalesce(first_name, '') || ' ' || coalesce(last_name, '') ilike :q"
                    + " or coalesce(company_name, '') ilike :q or emails::text ilike :q)");
            params.put("q", pattern);
        }
        where.add(new Filters(records.filterFields())
                .toSql(filters, params, SignedInUser.require().userId()));
        where.add(team.recordScope().sql(null, params));
        return String.join(" and ", where);
    }
}
