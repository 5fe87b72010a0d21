package io.team365.contacts;

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
 * Contacts for exports: the same selection as the list ({@code q}, the filter builder's conditions, who may see
 * what), streamed with the company's name joined in, never one query per row. The exports module writes the files.
 */
@Service
public class ContactExports {

    private final ContactManagement contacts;
    private final TeamManagement team;
    private final CustomFieldExports customFields;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    ContactExports(
            ContactManagement contacts,
            TeamManagement team,
            CustomFieldExports customFields,
            DataSource dataSource,
            JdbcClient jdbc) {
        this.contacts = contacts;
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
                ExportColumn.csv("company", "co.name"),
                ExportColumn.id("companyId", "t.company_id"),
                new ExportColumn("owner", "t.owner_id::text", ExportColumn.Use.CSV, ExportColumn.Kind.USER),
                ExportColumn.id("ownerId", "t.owner_id")));
        columns.addAll(ExportColumn.textArray("tags", "t.tags"));
        columns.addAll(List.of(
                ExportColumn.text("source", "t.source"),
                ExportColumn.json("customFields", "t.custom_fields::text"),
                ExportColumn.json("address", "t.address::text"),
                ExportColumn.csv("street", "t.address->>'street'"),
                ExportColumn.csv("city", "t.address->>'city'"),
                ExportColumn.csv("region", "t.address->>'region'"),
                ExportColumn.csv("postalCode", "t.address->>'postalCode'"),
                ExportColumn.csv("country", "t.address->>'country'"),
                ExportColumn.json("socialLinks", "t.social_links::text"),
                ExportColumn.json("version", "t.version::text"),
                ExportColumn.timestamp("createdAt", "t.created_at"),
                ExportColumn.timestamp("updatedAt", "t.updated_at"),
                ExportColumn.json("deletedAt", "null")));
        columns.addAll(customFields.csvColumns("contact", "t"));
        return columns;
    }

    /** How many contacts the selection has now; a bad condition is refused naming it, as the list does. */
    @Transactional(readOnly = true)
    public long count(String q, List<Filters.Condition> filters) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, filters, params);
        return jdbc.sql("select count(*) from contacts where " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Streams the selected contacts' {@code columns} (a subset of {@link #columns()}, in any order). */
    @Transactional(readOnly = true)
    public void forEach(
            String q, List<Filters.Condition> filters, List<ExportColumn> columns, Consumer<ExportRow> rows) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, filters, params);
        ExportStreams.stream(
                dataSource,
                columns,
                "(select * from contacts where " + where + ") t"
                        + " left join companies co on co.tenant_id = t.tenant_id and co.id = t.company_id",
                params,
                rows);
    }

    /** The list's conditions (ContactStore.list), without the page's order and cursor. */
    private String where(String q, List<Filters.Condition> filters, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        where.add("deleted_at is null");
        String pattern = TextSearch.containsPattern(q);
        if (pattern != null) {
            where.add("(coalesce(first_name, '') || ' ' || coalesce(last_name, '') ilike :q"
                    + " or emails::text ilike :q)");
            params.put("q", pattern);
        }
        where.add(new Filters(contacts.filterFields())
                .toSql(filters, params, SignedInUser.require().userId()));
        where.add(team.recordScope().sql(null, params));
        return String.join(" and ", where);
    }
}
