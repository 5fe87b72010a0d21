package io.team365.leads.internal;

import io.team365.core.TenantId;
import io.team365.core.paging.FilterField;
import io.team365.core.paging.FilterField.Kind;
import io.team365.core.paging.Filters;
import io.team365.core.paging.KeysetSort;
import io.team365.core.paging.KeysetSort.Column;
import io.team365.core.paging.KeysetSort.Type;
import io.team365.core.paging.Page;
import io.team365.core.paging.TextSearch;
import io.team365.identity.RecordScope;
import io.team365.leads.Conversion;
import io.team365.leads.Lead;
import io.team365.leads.LeadFields;
import io.team365.leads.LeadPage;
import io.team365.leads.LeadQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The leads module's storage, as its service sees it: validation, keyset pages, and the table. */
@Component
public class LeadStore {

    /** The orders a lead list can be in; the default is the most recently changed first. */
    public static final KeysetSort<Lead> SORTS = new KeysetSort<>(
            new Column<>("updatedAt", "updated_at", Type.TIMESTAMP, Lead::updatedAt),
            true,
            new Column<>("createdAt", "created_at", Type.TIMESTAMP, Lead::createdAt),
            new Column<>(
                    "lastName",
                    "lower(coalesce(last_name, ''))",
                    Type.TEXT_LOWER,
                    l -> l.lastName() == null ? "" : l.lastName()),
            new Column<>(
                    "companyName",
                    "lower(coalesce(company_name, ''))",
                    Type.TEXT_LOWER,
                    l -> l.companyName() == null ? "" : l.companyName()));

    /** The standard fields a lead list can be filtered on; custom fields are added per Client. */
    public static final List<FilterField> FILTER_FIELDS = List.of(
            FilterField.of("firstName", "first_name", Kind.TEXT),
            FilterField.of("lastName", "last_name", Kind.TEXT),
            FilterField.of(
                    "email", "(select string_agg(e->>'address', ' ') from jsonb_array_elements(emails) e)", Kind.TEXT),
            FilterField.of("companyName", "company_name", Kind.TEXT),
            FilterField.choice("status", "status", Lead.ALL_STATUSES),
            FilterField.of("source", "source", Kind.TEXT),
            FilterField.of("ownerId", "owner_id", Kind.ID),
            FilterField.of("tag", "tags", Kind.TAGS),
            FilterField.of("createdAt", "created_at", Kind.TIMESTAMP),
            FilterField.of("updatedAt", "updated_at", Kind.TIMESTAMP));

    private final Leads leads;

    LeadStore(Leads leads) {
        this.leads = leads;
    }

    public LeadFields check(LeadFields fields, Set<UUID> members) {
        return LeadValidation.check(fields, members);
    }

    public void insert(TenantId tenant, UUID id, LeadFields fields, UUID by) {
        leads.insert(tenant, id, fields, by);
    }

    /** The records with these ids, in the trash too (for bulk imports merging into existing records). */
    public List<Lead> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return leads.list("id = any(:ids)", Map.of("ids", ids.toArray(UUID[]::new)), "id", ids.size());
    }

    public Optional<Lead> find(UUID id) {
        return leads.find(id);
    }

    public Optional<Lead> findVisible(UUID id, RecordScope scope) {
        return leads.find(id, scope);
    }

    public boolean update(UUID id, LeadFields fields, int expectedVersion, UUID by) {
        return leads.update(id, fields, expectedVersion, by);
    }

    public boolean markConverted(UUID id, Conversion conversion, UUID by) {
        return leads.markConverted(id, conversion, by);
    }

    public boolean moveToTrash(UUID id, UUID by) {
        return leads.moveToTrash(id, by);
    }

    public boolean restore(UUID id, UUID by) {
        return leads.restore(id, by);
    }

    /**
     * A keyset page: exact however many rows are added or removed meanwhile, and fast at any depth. {@code filters}
     * and {@code sorts} include the Client's custom fields.
     */
    public LeadPage list(LeadQuery query, RecordScope scope, Filters filters, KeysetSort<Lead> sorts, UUID me) {
        KeysetSort.Order<Lead> order = sorts.parse(query.sort());
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(query.deleted() ? "deleted_at is not null" : "deleted_at is null");
        String pattern = TextSearch.containsPattern(query.q());
        if (pattern != null) {
            where.add("(coalesce(first_name, '') || ' ' || coalesce(last_name, '') ilike :q"
                    + " or coalesce(company_name, '') ilike :q or emails::text ilike :q)");
            params.put("q", pattern);
        }
        where.add(filters.toSql(query.filters(), params, me));
        where.add(scope.sql(null, params));
        if (query.cursor() != null && !query.cursor().isBlank()) {
            where.add(order.after(query.cursor(), params));
        }
        List<Lead> rows = leads.list(String.join(" and ", where), params, order.orderBy(), query.limit() + 1);
        Page<Lead> page = KeysetSort.page(rows, query.limit(), order, Lead::id);
        return new LeadPage(page.items(), page.nextCursor());
    }
}
