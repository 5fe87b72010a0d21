package io.team365.companies;

import io.team365.companies.internal.CompanyStore;
import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.core.database.BulkRows;
import io.team365.core.database.RecordRows;
import io.team365.core.database.Unnest;
import io.team365.customfields.CustomFieldManagement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Companies written in bulk by an import: a whole batch per statement (the record-key triggers fire once per
 * statement), no change event per record (the import records one summary). Checks are the same as for a company
 * created by a person; the caller runs everything in its transaction with the Client bound.
 */
@Service
public class CompanyImports {

    /** A company to insert or to write over an existing one (same id), its fields already checked. */
    public record Draft(UUID id, CompanyFields fields) {}

    private static final String[] COLUMNS = {
        "id uuid",
        "name text",
        "domain text",
        "industry text",
        "size text",
        "address_street text",
        "address_city text",
        "address_region text",
        "address_postal_code text",
        "address_country text",
        "phone text",
        "website text",
        "owner_id uuid",
        "tags text[]",
        "custom_fields jsonb"
    };

    private final JdbcClient jdbc;
    private final BulkRows bulk;
    private final ObjectMapper json;
    private final CompanyStore store;
    private final CustomFieldManagement customFields;

    CompanyImports(JdbcClient jdbc, ObjectMapper json, CompanyStore store, CustomFieldManagement customFields) {
        this.jdbc = jdbc;
        this.bulk = new BulkRows(jdbc, "companies", COLUMNS);
        this.json = json;
        this.store = store;
        this.customFields = customFields;
    }

    /**
     * A check for many companies owned by {@code owner}: the fields tidied as create would, or {@link InvalidInput}
     * naming what is wrong.
     */
    @Transactional(readOnly = true)
    public UnaryOperator<CompanyFields> checker(UUID owner) {
        UnaryOperator<Map<String, Object>> custom = customFields.checker("company");
        return fields -> {
            CompanyFields standard = store.check(fields, Set.of(owner));
            Map<String, Object> values = custom.apply(fields.customFields());
            return new CompanyFields(
                    standard.name(),
                    standard.domain(),
                    standard.industry(),
                    standard.size(),
                    standard.address(),
                    standard.phone(),
                    standard.website(),
                    standard.ownerId(),
                    standard.tags(),
                    values);
        };
    }

    /**
     * The companies (not in the trash) named like the given names, ignoring case: lower-cased name → ids, in one
     * query (for linking an import's companies and deals to their company).
     */
    @Transactional(readOnly = true)
    public Map<String, List<UUID>> namedLike(Collection<String> names) {
        Map<String, List<UUID>> found = new java.util.LinkedHashMap<>();
        if (names.isEmpty()) {
            return found;
        }
        jdbc.sql("select name_key, id from companies where name_key = any(:keys) and deleted_at is null"
                        + " order by name_key, created_at, id")
                .param(
                        "keys",
                        names.stream()
                                .map(n -> n.strip().toLowerCase(java.util.Locale.ROOT))
                                .distinct()
                                .toArray(String[]::new))
                .query((rs, n) -> found.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return found;
    }

    /** The existing companies with these ids (to merge an import's values into). */
    @Transactional(readOnly = true)
    public List<Company> find(Collection<UUID> ids) {
        return store.findAll(ids);
    }

    /** Inserts the drafts in one statement. */
    @Transactional
    public void insert(TenantId tenant, List<Draft> drafts, UUID by) {
        if (!drafts.isEmpty()) {
            bulk.insert(tenant, rows(drafts), by);
        }
    }

    /** Writes the drafts over the companies with the same ids in one statement; each version goes up by one. */
    @Transactional
    public int update(List<Draft> drafts, UUID by) {
        return drafts.isEmpty() ? 0 : bulk.update(rows(drafts), by, "true");
    }

    /**
     * Moves to the trash those of the companies that nobody changed after {@code unchangedSince} (an import's undo);
     * returns how many.
     */
    @Transactional
    public int trashUnchanged(Collection<UUID> ids, Instant unchangedSince, UUID by) {
        return bulk.trashUnchanged(ids, unchangedSince, by);
    }

    private Unnest rows(List<Draft> drafts) {
        Unnest rows = bulk.rows();
        for (Draft draft : drafts) {
            CompanyFields f = draft.fields();
            rows.add(
                    draft.id(),
                    f.name(),
                    f.domain(),
                    f.industry(),
                    f.size(),
                    f.address().street(),
                    f.address().city(),
                    f.address().region(),
                    f.address().postalCode(),
                    f.address().country(),
                    f.phone(),
                    f.website(),
                    f.ownerId(),
                    RecordRows.textArray(f.tags()),
                    json.writeValueAsString(f.customFields()));
        }
        return rows;
    }
}
