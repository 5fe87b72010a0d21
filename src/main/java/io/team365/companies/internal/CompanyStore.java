package io.team365.companies.internal;

import io.team365.companies.Company;
import io.team365.companies.CompanyFields;
import io.team365.companies.CompanyPage;
import io.team365.companies.CompanyQuery;
import io.team365.core.InvalidInput;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The companies module's storage, as its service sees it: validation, keyset pages, and the table. */
@Component
public class CompanyStore {

    /** The orders a company list can be in; the default is the most recently changed first. */
    public static final KeysetSort<Company> SORTS = new KeysetSort<>(
            new Column<>("updatedAt", "updated_at", Type.TIMESTAMP, Company::updatedAt),
            true,
            new Column<>("createdAt", "created_at", Type.TIMESTAMP, Company::createdAt),
            new Column<>("name", "name_key", Type.KEY, Company::name),
            new Column<>("domain", "coalesce(domain, '')", Type.TEXT, c -> c.domain() == null ? "" : c.domain()));

    private final Companies companies;

    CompanyStore(Companies companies) {
        this.companies = companies;
    }

    public CompanyFields check(CompanyFields fields, Set<UUID> members) {
        return CompanyValidation.check(fields, members);
    }

    public void insert(TenantId tenant, UUID id, CompanyFields fields, UUID by) {
        companies.insert(tenant, id, fields, by);
    }

    /** The records with these ids, in the trash too (for bulk imports merging into existing records). */
    public List<Company> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return companies.list("id = any(:ids)", Map.of("ids", ids.toArray(UUID[]::new)), "id", ids.size());
    }

    public Optional<Company> find(UUID id) {
        return companies.find(id);
    }

    public Optional<Company> findVisible(UUID id, RecordScope scope) {
        return companies.find(id, scope);
    }

    public Map<UUID, String> names(Collection<UUID> ids, RecordScope scope) {
        return ids.isEmpty() ? Map.of() : companies.names(ids, scope);
    }

    public boolean update(UUID id, CompanyFields fields, int expectedVersion, UUID by) {
        return companies.update(id, fields, expectedVersion, by);
    }

    public boolean moveToTrash(UUID id, UUID by) {
        return companies.moveToTrash(id, by);
    }

    public boolean restore(UUID id, UUID by) {
        return companies.restore(id, by);
    }

    public long count(RecordScope scope) {
        return companies.count(scope);
    }

    /** The standard fields a company list can be filtered on; custom fields are added per Client. */
    public static final List<FilterField> FILTER_FIELDS = List.of(
            FilterField.text("name", "name", "name_key"),
            FilterField.of("domain", "domain", Kind.TEXT),
            FilterField.of("industry", "industry", Kind.TEXT),
            FilterField.choice("size", "size", Company.SIZES),
            FilterField.of("city", "address_city", Kind.TEXT),
            FilterField.of("country", "address_country", Kind.TEXT),
            FilterField.of("phone", "phone", Kind.TEXT),
            FilterField.of("website", "website", Kind.TEXT),
            FilterField.of("ownerId", "owner_id", Kind.ID),
            FilterField.of("tag", "tags", Kind.TAGS),
            FilterField.of("createdAt", "created_at", Kind.TIMESTAMP),
            FilterField.of("updatedAt", "updated_at", Kind.TIMESTAMP));

    /**
     * A keyset page: exact however many rows are added or removed meanwhile, and fast at any depth. {@code filters}
     * and {@code sorts} include the Client's custom fields.
     */
    public CompanyPage list(
            CompanyQuery query, RecordScope scope, Filters filters, KeysetSort<Company> sorts, UUID me) {
        KeysetSort.Order<Company> order = sorts.parse(query.sort());
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(query.deleted() ? "deleted_at is not null" : "deleted_at is null");
        String pattern = TextSearch.containsPattern(query.q());
        if (pattern != null) {
            where.add("(name ilike :q or coalesce(domain, '') ilike :q)");
            params.put("q", pattern);
        }
        filters(query, where, params);
        where.add(filters.toSql(query.filters(), params, me));
        where.add(scope.sql(null, params));
        if (query.cursor() != null && !query.cursor().isBlank()) {
            where.add(order.after(query.cursor(), params));
        }
        List<Company> rows = companies.list(String.join(" and ", where), params, order.orderBy(), query.limit() + 1);
        Page<Company> page = KeysetSort.page(rows, query.limit(), order, Company::id);
        return new CompanyPage(page.items(), page.nextCursor());
    }

    /** The {@code filter[...]} conditions; a value no company could have is refused, naming the filter. */
    private static void filters(CompanyQuery query, List<String> where, Map<String, Object> params) {
        if (present(query.tag())) {
            if (query.tag().length() > 50 || query.tag().indexOf('\0') >= 0) {
                throw InvalidInput.of("filter[tag]", "company.tag");
            }
            where.add("tags @> array[cast(:tag as text)]");
            params.put("tag", query.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (query.ownerId() != null) {
            where.add("owner_id = :owner");
            params.put("owner", query.ownerId());
        }
        if (present(query.domain())) {
            String domain = CompanyValidation.normalisedDomain(query.domain());
            if (domain == null) {
                throw InvalidInput.of("filter[domain]", "company.domain");
            }
            where.add("domain = :domain");
            params.put("domain", domain);
        }
        if (present(query.industry())) {
            if (query.industry().length() > 100 || query.industry().indexOf('\0') >= 0) {
                throw InvalidInput.of("filter[industry]", "validation.too-long", 100);
            }
            where.add("lower(industry) = lower(:industry)");
            params.put("industry", query.industry().strip());
        }
        if (present(query.size())) {
            if (!Company.SIZES.contains(query.size().strip())) {
                throw InvalidInput.of("filter[size]", "company.size", String.join(", ", Company.SIZES));
            }
            where.add("size = :size");
            params.put("size", query.size().strip());
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
