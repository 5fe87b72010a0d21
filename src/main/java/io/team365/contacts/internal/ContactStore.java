package io.team365.contacts.internal;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactFields;
import io.team365.contacts.ContactPage;
import io.team365.contacts.ContactQuery;
import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The contacts module's storage, as its service sees it: validation, keyset pages, and the table. */
@Component
public class ContactStore {

    private final Contacts contacts;

    ContactStore(Contacts contacts) {
        this.contacts = contacts;
    }

    public ContactFields check(ContactFields fields, Set<UUID> members) {
        return ContactValidation.check(fields, members);
    }

    public void insert(TenantId tenant, UUID id, ContactFields fields, UUID by) {
        contacts.insert(tenant, id, fields, by);
    }

    public Optional<Contact> find(UUID id) {
        return contacts.find(id);
    }

    public Optional<Contact> findVisible(UUID id, Optional<UUID> onlyFor) {
        return contacts.find(id, onlyFor);
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

    public List<io.team365.contacts.WeekCount> newPerWeek(int weeks, Optional<UUID> onlyFor) {
        return contacts.newPerWeek(weeks, onlyFor);
    }

    public long count(Optional<UUID> onlyFor) {
        return contacts.count(onlyFor);
    }

    /** A keyset page: exact however many rows are added or removed meanwhile, and fast at any depth. */
    public ContactPage list(ContactQuery query, Optional<UUID> onlyFor) {
        ContactSort.Parsed sort = ContactSort.parse(query.sort());
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(query.deleted() ? "deleted_at is not null" : "deleted_at is null");
        if (query.q() != null && !query.q().isBlank()) {
            if (query.q().length() > 200 || query.q().indexOf('\0') >= 0) {
                throw InvalidInput.of("q", "validation.too-long", 200);
            }
            where.add("(coalesce(first_name, '') || ' ' || coalesce(last_name, '') ilike :q"
                    + " or emails::text ilike :q)");
            params.put(
                    "q",
                    "%"
                            + query.q()
                                    .strip()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            if (query.tag().length() > 50 || query.tag().indexOf('\0') >= 0) {
                throw InvalidInput.of("filter[tag]", "contact.tag");
            }
            where.add("tags @> array[cast(:tag as text)]");
            params.put("tag", query.tag().strip().toLowerCase(java.util.Locale.ROOT));
        }
        onlyFor.ifPresent(me -> {
            where.add(Contacts.OWN_RECORDS);
            params.put("me", me);
        });
        if (query.ownerId() != null) {
            where.add("owner_id = :owner");
            params.put("owner", query.ownerId());
        }
        if (query.cursor() != null && !query.cursor().isBlank()) {
            Cursors.Position position = Cursors.decode(query.cursor(), sort.key());
            if (sort.sort() != ContactSort.LAST_NAME) {
                try {
                    java.time.Instant.parse(position.value());
                } catch (java.time.format.DateTimeParseException e) {
                    throw InvalidInput.of("cursor", "contact.cursor");
                }
            }
            where.add(sort.after());
            params.put("cursorValue", position.value());
            params.put("cursorId", position.id());
        }
        List<Contact> rows = contacts.list(String.join(" and ", where), params, sort.orderBy(), query.limit() + 1);
        boolean more = rows.size() > query.limit();
        List<Contact> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more
                ? Cursors.encode(
                        sort.key(),
                        sortValue(sort.sort(), page.getLast()),
                        page.getLast().id())
                : null;
        return new ContactPage(List.copyOf(page), next);
    }

    private static String sortValue(ContactSort sort, Contact contact) {
        return switch (sort) {
            case UPDATED_AT -> contact.updatedAt().toString();
            case CREATED_AT -> contact.createdAt().toString();
            case LAST_NAME -> contact.lastName() == null ? "" : contact.lastName();
        };
    }
}
