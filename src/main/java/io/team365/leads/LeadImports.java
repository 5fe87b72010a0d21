package io.team365.leads;

import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.core.database.BulkRows;
import io.team365.core.database.RecordRows;
import io.team365.core.database.Unnest;
import io.team365.customfields.CustomFieldManagement;
import io.team365.leads.internal.LeadStore;
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
 * Leads written in bulk by an import: a whole batch per statement (the record-key triggers fire once per
 * statement), no change event per record (the import records one summary). Checks are the same as for a lead
 * created by a person; the caller runs everything in its transaction with the Client bound.
 */
@Service
public class LeadImports {

    /** A lead to insert or to write over an existing one (same id), its fields already checked. */
    public record Draft(UUID id, LeadFields fields) {}

    private static final String[] COLUMNS = {
        "id uuid",
        "first_name text",
        "last_name text",
        "emails jsonb",
        "phones jsonb",
        "job_title text",
        "company_name text",
        "owner_id uuid",
        "tags text[]",
        "source text",
        "status text",
        "unqualified_reason text",
        "custom_fields jsonb"
    };

    private final JdbcClient jdbc;
    private final BulkRows bulk;
    private final ObjectMapper json;
    private final LeadStore store;
    private final CustomFieldManagement customFields;

    LeadImports(JdbcClient jdbc, ObjectMapper json, LeadStore store, CustomFieldManagement customFields) {
        this.jdbc = jdbc;
        this.bulk = new BulkRows(jdbc, "leads", COLUMNS);
        this.json = json;
        this.store = store;
        this.customFields = customFields;
    }

    /**
     * A check for many leads owned by {@code owner}: the fields tidied as create would, or {@link InvalidInput}
     * naming what is wrong.
     */
    @Transactional(readOnly = true)
    public UnaryOperator<LeadFields> checker(UUID owner) {
        UnaryOperator<Map<String, Object>> custom = customFields.checker("lead");
        return fields -> {
            LeadFields standard = store.check(fields, Set.of(owner));
            Map<String, Object> values = custom.apply(fields.customFields());
            return new LeadFields(
                    standard.firstName(),
                    standard.lastName(),
                    standard.emails(),
                    standard.phones(),
                    standard.jobTitle(),
                    standard.companyName(),
                    standard.ownerId(),
                    standard.tags(),
                    standard.source(),
                    standard.status(),
                    standard.unqualifiedReason(),
                    values);
        };
    }

    /** The existing leads with these ids (to merge an import's values into). */
    @Transactional(readOnly = true)
    public List<Lead> find(Collection<UUID> ids) {
        return store.findAll(ids);
    }

    /** Inserts the drafts in one statement. */
    @Transactional
    public void insert(TenantId tenant, List<Draft> drafts, UUID by) {
        if (!drafts.isEmpty()) {
            bulk.insert(tenant, rows(drafts), by);
        }
    }

    /** Writes the drafts over the leads with the same ids (converted leads stay as they are) in one statement; each version goes up by one. */
    @Transactional
    public int update(List<Draft> drafts, UUID by) {
        return drafts.isEmpty() ? 0 : bulk.update(rows(drafts), by, "c.status <> 'converted'");
    }

    /**
     * Moves to the trash those of the leads that nobody changed after {@code unchangedSince} (an import's undo);
     * returns how many.
     */
    @Transactional
    public int trashUnchanged(Collection<UUID> ids, Instant unchangedSince, UUID by) {
        return bulk.trashUnchanged(ids, unchangedSince, by);
    }

    private Unnest rows(List<Draft> drafts) {
        Unnest rows = bulk.rows();
        for (Draft draft : drafts) {
            LeadFields f = draft.fields();
            rows.add(
                    draft.id(),
                    f.firstName(),
                    f.lastName(),
                    json.writeValueAsString(f.emails()),
                    json.writeValueAsString(f.phones()),
                    f.jobTitle(),
                    f.companyName(),
                    f.ownerId(),
                    RecordRows.textArray(f.tags()),
                    f.source(),
                    f.status(),
                    f.unqualifiedReason(),
                    json.writeValueAsString(f.customFields()));
        }
        return rows;
    }
}
