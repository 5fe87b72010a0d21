package io.team365.companies;

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
 * Companies for exports: the same selection as the list ({@code q}, the filter builder's conditions, who may see
 * what), streamed; the exports module writes the files.
 */
@Service
public class CompanyExports {

    private final CompanyManagement records;
    private final TeamManagement team;
    private final CustomFieldExports customFields;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    CompanyExports(
            CompanyManagement records,
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
                ExportColumn.text("domain", "t.domain"),
                ExportColumn.text("industry", "t.industry"),
                ExportColumn.text("size", "t.size"),
                ExportColumn.json(
                        "address",
                        "json_build_object('street', t.address_street, 'city', t.address_city, 'region',"
                                + " t.address_region, 'postalCode', t.address_postal_code, 'country',"
                                + " t.address_country)::text"),
                ExportColumn.csv("street", "t.address_street"),
                ExportColumn.csv("city", "t.address_city"),
                ExportColumn.csv("region", "t.address_region"),
                ExportColumn.csv("postalCode", "t.address_postal_code"),
                ExportColumn.csv("country", "t.address_country"),
                ExportColumn.text("phone", "t.phone"),
                ExportColumn.text("website", "t.website"),
                new ExportColumn("owner", "t.owner_id::text", ExportColumn.Use.CSV, ExportColumn.Kind.USER),
                ExportColumn.id("ownerId", "t.owner_id")));
        columns.addAll(ExportColumn.textArray("tags", "t.tags"));
        columns.addAll(List.of(
                ExportColumn.json("customFields", "t.custom_fields::text"),
                ExportColumn.json("version", "t.version::text"),
                ExportColumn.timestamp("createdAt", "t.created_at"),
                ExportColumn.json("createdBy", "to_jsonb(t.created_by)::text"),
                ExportColumn.timestamp("updatedAt", "t.updated_at"),
                ExportColumn.json("updatedBy", "to_jsonb(t.updated_by)::text"),
                ExportColumn.json("deletedAt", "null")));
        columns.addAll(customFields.csvColumns("company", "t"));
        return columns;
    }

    /** How many companies the selection has now; a bad condition is refused naming it, as the list does. */
    @Transactional(readOnly = true)
    public long count(String q, List<Filters.Condition> filters) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, filters, params);
        return jdbc.sql("select count(*) from companies where " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Streams the selected companies' {@code columns} (a subset of {@link #columns()}, in any order). */
    @Transactional(readOnly = true)
    public void forEach(
            String q, List<Filters.Condition> filters, List<ExportColumn> columns, Consumer<ExportRow> rows) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, filters, params);
        ExportStreams.stream(dataSource, columns, "(select * from companies where " + where + ") t", params, rows);
    }

    /** The list's conditions (the list query), without the page's order and cursor. */
    private String where(String q, List<Filters.Condition> filters, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        where.add("deleted_at is null");
        String pattern = TextSearch.containsPattern(q);
        if (pattern != null) {
            where.add("(name ilike :q or coalesce(domain, '') ilike :q)");
            params.put("q", pattern);
        }
        where.add(new Filters(records.filterFields())
                .toSql(filters, params, SignedInUser.require().userId()));
        where.add(team.recordScope().sql(null, params));
        return String.join(" and ", where);
    }
}
