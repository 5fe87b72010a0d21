package io.team365.companies;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The survivor's fields from the companies of a merge (survivor first): each field from the chosen company (by
 * default the survivor's value, else the first non-empty one), the tags unioned without repeats.
 */
final class CompanyMerging {

    private final List<Company> records;
    private final Map<String, UUID> choices;
    private final Map<String, UUID> sources = new LinkedHashMap<>();

    CompanyMerging(List<Company> records, Map<String, UUID> choices) {
        this.records = records;
        this.choices = choices;
    }

    CompanyFields fields() {
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
        Set<String> seenTags = new LinkedHashSet<>();
        List<String> tags = records.stream()
                .flatMap(r -> r.tags().stream())
                .filter(t -> t != null && seenTags.add(t.toLowerCase(Locale.ROOT)))
                .toList();
        return new CompanyFields(
                pick("name", Company::name),
                pick("domain", Company::domain),
                pick("industry", Company::industry),
                pick("size", Company::size),
                pick("address", c -> c.address().oneLine() == null ? null : c.address()),
                pick("phone", Company::phone),
                pick("website", Company::website),
                pick("ownerId", Company::ownerId),
                tags,
                custom);
    }

    /** Per field taken from a merged company (not the survivor), which company: for the value sources. */
    Map<String, UUID> sources() {
        return sources;
    }

    private <T> T pick(String field, Function<Company, T> value) {
        UUID chosen = choices.get(field);
        Company from = chosen != null
                ? records.stream()
                        .filter(r -> r.id().equals(chosen))
                        .findFirst()
                        .orElse(null)
                : records.stream()
                        .filter(r -> !empty(value.apply(r)))
                        .findFirst()
                        .orElse(null);
        if (from == null) {
            return null;
        }
        if (!from.id().equals(records.getFirst().id())) {
            sources.put(field, from.id());
        }
        return value.apply(from);
    }

    private static boolean empty(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }
}
