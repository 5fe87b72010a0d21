package io.team365.contacts;

import io.team365.contacts.internal.ContactStore;
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
 * Contacts written in bulk by an import: a whole batch per statement (the record-key triggers fire once per
 * statement), no change event per record (the import records one summary). Checks are the same as for a contact
 * created by a person; the caller runs everything in its transaction with the Client bound.
 */
@Service
public class ContactImports {

    /** A contact to insert or to write over an existing one (same id), its fields already checked. */
    public record Draft(UUID id, ContactFields fields) {}

    private static final String[] COLUMNS = {
        "id uuid",
        "first_name text",
        "last_name text",
        "emails jsonb",
        "phones jsonb",
        "job_title text",
        "company_id uuid",
        "owner_id uuid",
        "tags text[]",
        "source text",
        "custom_fields jsonb",
        "address jsonb",
        "social_links jsonb"
    };

    private final JdbcClient jdbc;
    private final BulkRows bulk;
    private final ObjectMapper json;
    private final ContactStore store;
    private final CustomFieldManagement customFields;

    ContactImports(JdbcClient jdbc, ObjectMapper json, ContactStore store, CustomFieldManagement customFields) {
        this.jdbc = jdbc;
        this.bulk = new BulkRows(jdbc, "contacts", COLUMNS);
        this.json = json;
        this.store = store;
        this.customFields = customFields;
    }

    /**
     * A check for many contacts owned by {@code owner}: the fields tidied as create would, or {@link InvalidInput}
     * naming what is wrong. Company ids are the caller's (found or made by the import).
     */
    @Transactional(readOnly = true)
    public UnaryOperator<ContactFields> checker(UUID owner) {
        UnaryOperator<Map<String, Object>> custom = customFields.checker("contact");
        return fields -> {
            ContactFields standard = store.check(fields, Set.of(owner), company -> true);
            Map<String, Object> values = custom.apply(fields.customFields());
            return new ContactFields(
                    standard.firstName(),
                    standard.lastName(),
                    standard.emails(),
                    standard.phones(),
                    standard.jobTitle(),
                    standard.companyId(),
                    standard.ownerId(),
                    standard.tags(),
                    standard.source(),
                    values,
                    standard.address(),
                    standard.socialLinks());
        };
    }

    /** The existing contacts with these ids (to merge an import's values into). */
    @Transactional(readOnly = true)
    public List<Contact> find(Collection<UUID> ids) {
        return store.findAll(ids);
    }

    /** Inserts the drafts in one statement. */
    @Transactional
    public void insert(TenantId tenant, List<Draft> drafts, UUID by) {
        if (!drafts.isEmpty()) {
            bulk.insert(tenant, rows(drafts), by);
        }
    }

    /** Writes the drafts over the contacts with the same ids in one statement; each version goes up by one. */
    @Transactional
    public int update(List<Draft> drafts, UUID by) {
        return drafts.isEmpty() ? 0 : bulk.update(rows(drafts), by, "true");
    }

    /**
     * Moves to the trash those of the contacts that nobody changed after {@code unchangedSince} (an import's undo);
     * returns how many.
     */
    @Transactional
    public int trashUnchanged(Collection<UUID> ids, Instant unchangedSince, UUID by) {
        return bulk.trashUnchanged(ids, unchangedSince, by);
    }

    private Unnest rows(List<Draft> drafts) {
        Unnest rows = bulk.rows();
        for (Draft draft : drafts) {
            ContactFields f = draft.fields();
            rows.add(
                    draft.id(),
                    f.firstName(),
                    f.lastName(),
                    json.writeValueAsString(f.emails()),
                    json.writeValueAsString(f.phones()),
                    f.jobTitle(),
                    f.companyId(),
                    f.ownerId(),
                    RecordRows.textArray(f.tags()),
                    f.source(),
                    json.writeValueAsString(f.customFields()),
                    json.writeValueAsString(f.address()),
                    json.writeValueAsString(f.socialLinks()));
        }
        return rows;
    }
}
