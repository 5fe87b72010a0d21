package io.team365.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The survivor's fields from the records of a merge (survivor first): each picked field from the chosen record (by
 * default the survivor's value, else the first non-empty one), the lists unioned without repeats.
 */
final class ContactMerging {

    private final List<Contact> records;
    private final Map<String, UUID> choices;
    private final Map<String, UUID> sources = new LinkedHashMap<>();

    ContactMerging(List<Contact> records, Map<String, UUID> choices) {
        this.records = records;
        this.choices = choices;
    }

    ContactFields fields() {
        Map<String, Object> custom = new LinkedHashMap<>();
        Set<String> customKeys = new LinkedHashSet<>();
        records.forEach(r -> customKeys.addAll(r.customFields().keySet()));
        choices.keySet().stream()
                .filter(k -> k.startsWith("customFields."))
                .forEach(k -> customKeys.add(k.substring(13)));
        for (String key : customKeys) {
            Object value = pick("customFields." + key, c -> c.customFields().get(key));
            if (value != null) {
                custom.put(key, value);
            }
        }
        return new ContactFields(
                pick("firstName", Contact::firstName),
                pick("lastName", Contact::lastName),
                emails(),
                union(Contact::phones, p -> p.number().replaceAll("[^0-9]", "")),
                pick("jobTitle", Contact::jobTitle),
                pick("companyId", Contact::companyId),
                pick("ownerId", Contact::ownerId),
                union(Contact::tags, t -> t.toLowerCase(Locale.ROOT)),
                pick("source", Contact::source),
                custom,
                pick("address", c -> c.address().isEmpty() ? null : c.address()),
                union(Contact::socialLinks, l -> l.url().toLowerCase(Locale.ROOT)));
    }

    /** Per field taken from a merged record (not the survivor), which record: for the value sources. */
    Map<String, UUID> sources() {
        return sources;
    }

    private <T> T pick(String field, Function<Contact, T> value) {
        Contact from = from(field, value);
        if (from == null) {
            return null;
        }
        if (!from.id().equals(records.getFirst().id())) {
            sources.put(field, from.id());
        }
        return value.apply(from);
    }

    private <T> Contact from(String field, Function<Contact, T> value) {
        UUID chosen = choices.get(field);
        if (chosen != null) {
            return records.stream()
                    .filter(r -> r.id().equals(chosen))
                    .findFirst()
                    .orElse(null);
        }
        return records.stream().filter(r -> !empty(value.apply(r))).findFirst().orElse(null);
    }

    private List<Contact.Email> emails() {
        Contact primaryFrom = from("primaryEmail", Contact::primaryEmail);
        String primary = primaryFrom == null ? null : primaryFrom.primaryEmail();
        List<Contact.Email> all = union(Contact::emails, e -> e.address().toLowerCase(Locale.ROOT));
        List<Contact.Email> marked = new ArrayList<>();
        for (Contact.Email email : all) {
            marked.add(new Contact.Email(
                    email.address(),
                    email.label(),
                    primary != null && email.address().equalsIgnoreCase(primary)));
        }
        return marked;
    }

    private <T> List<T> union(Function<Contact, List<T>> list, Function<T, String> identity) {
        Map<String, T> seen = new LinkedHashMap<>();
        for (Contact record : records) {
            for (T item : list.apply(record)) {
                if (item != null) {
                    seen.putIfAbsent(identity.apply(item), item);
                }
            }
        }
        return new ArrayList<>(seen.values());
    }

    private static boolean empty(Object value) {
        return value == null || (value instanceof String s && s.isBlank()) || Objects.equals(value, List.of());
    }
}
