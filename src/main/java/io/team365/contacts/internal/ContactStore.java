package io.team365.contacts.internal;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactFields;
import io.team365.contacts.ContactPage;
import io.team365.contacts.ContactQuery;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** The contacts module's storage, as its service sees it: validation, keyset pages, and the table. */
@Component
public class ContactStore {

    /** The orders a contact list can be in; the default is the most recently changed first. */
    public static final KeysetSort<Contact> SORTS = new KeysetSort<>(
            new Column<>("updatedAt", "updated_at", Type.TIMESTAMP, Contact::updatedAt),
            true,
            new Column<>("createdAt", "created_at", Type.TIMESTAMP, Contact::createdAt),
            new Column<>("lastName", "last_name_key", Type.KEY, c -> c.lastName() == null ? "" : c.lastName()));

    private final Contacts contacts;

    ContactStore(Contacts contacts) {
        this.contacts = contacts;
    }

    public ContactFields check(ContactFields fields, Set<UUID> members, Predicate<UUID> companyVisible) {
        return ContactValidation.check(fields, members, companyVisible);
    }

    public void insert(TenantId tenant, UUID id, ContactFields fields, UUID by) {
        contacts.insert(tenant, id, fields, by);
    }

    /** The records with these ids, in the trash too (for bulk imports merging into existing records). */
    public List<Contact> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return contacts.list("id = any(:ids)", Map.of("ids", ids.toArray(UUID[]::new)), "id", ids.size());
    }

    public Optional<Contact> find(UUID id) {
        return contacts.find(id);
    }

    public Optional<Contact> findVisible(UUID id, RecordScope scope) {
        return contacts.find(id, scope);
    }

    public boolean update(UUID id, ContactFields fields, int expectedVersion, UUID by) {
        return contacts.update(id, fields, expectedVersion, by);
    }

    public boolean moveToTrash(UUID id, UUID by) {
        return contacts.moveToTrash(id, by);
    }

    public boolean restore(UUID id, UUID by) {
        return contacts.restore(id, by);
    }

    public List<io.team365.contacts.WeekCount> newPerWeek(int weeks, RecordScope scope) {
        return contacts.newPerWeek(weeks, scope);
    }

    public long count(RecordScope scope) {
        return contacts.count(scope);
    }

    /** The standard fields a contact list can be filtered on; custom fields are added per Client. */
    public static final List<FilterField> FILTER_FIELDS = List.of(
            FilterField.of("firstName", "first_name", Kind.TEXT),
            FilterField.text("lastName", "last_name", "last_name_key"),
            FilterField.of(
                    "email", "(select string_agg(e->>'address', ' ') from jsonb_array_elements(emails) e)", Kind.TEXT),
            FilterField.of(
                    "phone", "(select string_agg(p->>'number', ' ') from jsonb_array_elements(phones) p)", Kind.TEXT),
            FilterField.of("jobTitle", "job_title", Kind.TEXT),
            FilterField.of("source", "source", Kind.TEXT),
            FilterField.of("companyId", "company_id", Kind.ID),
            FilterField.of("ownerId", "owner_id", Kind.ID),
            FilterField.of("tag", "tags", Kind.TAGS),
            FilterField.of("createdAt", "created_at", Kind.TIMESTAMP),
            FilterField.of("updatedAt", "updated_at", Kind.TIMESTAMP));

    /**
     * A keyset page: exact however many rows are added or removed meanwhile, and fast at any depth. {@code filters}
     * and {@code sorts} include the Client's custom fields.
     */
    public ContactPage list(
            ContactQuery query, RecordScope scope, Filters filters, KeysetSort<Contact> sorts, UUID me) {
        KeysetSort.Order<Contact> order = sorts.parse(query.sort());
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(query.deleted() ? "deleted_at is not null" : "deleted_at is null");
        String pattern = TextSearch.containsPattern(query.q());
        if (pattern != null) {
            where.add("(coalesce(first_name, '') || ' ' || coalesce(last_name, '') ilike :q"
                    + " or emails::text ilike :q)");
            params.put("q", pattern);
        }
        where.add(filters.toSql(query.filters(), params, me));
        where.add(scope.sql(null, params));
        if (query.cursor() != null && !query.cursor().isBlank()) {
            where.add(order.after(query.cursor(), params));
        }
        List<Contact> rows = contacts.list(String.join(" and ", where), params, order.orderBy(), query.limit() + 1);
        Page<Contact> page = KeysetSort.page(rows, query.limit(), order, Contact::id);
        return new ContactPage(page.items(), page.nextCursor());
    }
}
