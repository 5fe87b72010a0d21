package io.team365.customfields.internal;

import io.team365.core.Validation;
import io.team365.customfields.CustomField;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** What makes a custom field definition valid, and the definitions' storage as the service sees it. */
@Component
public class CustomFieldRules {

    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,49}$");
    private static final Set<String> OBJECTS = Set.of("contact", "company", "lead", "deal");

    private final CustomFieldDefinitions definitions;

    CustomFieldRules(CustomFieldDefinitions definitions) {
        this.definitions = definitions;
    }

    public CustomField checkDefinition(
            UUID id, String object, String key, String label, String type, List<String> options, Boolean required) {
        Validation check = Validation.start();
        if (object == null || !OBJECTS.contains(object)) {
            check.reject("object", "customfield.object");
        }
        if (key == null || !KEY.matcher(key).matches()) {
            check.reject("key", "customfield.key");
        }
        String cleanLabel = check.text("label", label, 100);
        CustomField.Type parsed =
                CustomField.Type.parse(type == null ? "" : type).orElse(null);
        if (parsed == null) {
            check.reject("type", "customfield.type");
        }
        List<String> cleanOptions = options == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(options.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .toList()));
        boolean choice = parsed == CustomField.Type.SELECT || parsed == CustomField.Type.MULTISELECT;
        if (choice
                && (cleanOptions.isEmpty()
                        || cleanOptions.size() > 100
                        || cleanOptions.stream().anyMatch(o -> o.isEmpty() || o.length() > 100))) {
            check.reject("options", "customfield.options");
        } else if (!choice && !cleanOptions.isEmpty()) {
            check.reject("options", "customfield.no-options");
        }
        check.throwIfInvalid();
        return new CustomField(id, object, key, cleanLabel, parsed, cleanOptions, Boolean.TRUE.equals(required));
    }

    public Map<String, Object> checkValues(String object, Map<String, Object> values, Map<String, Object> stored) {
        List<CustomField> defined = definitions.of(object);
        Set<String> keys = new LinkedHashSet<>();
        defined.forEach(d -> keys.add(d.key()));
        Map<String, Object> kept = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            boolean deletedSinceStored =
                    !keys.contains(key) && stored.containsKey(key) && Objects.equals(stored.get(key), value);
            if (!deletedSinceStored) {
                kept.put(key, value);
            }
        });
        return CustomFieldValues.check(defined, kept);
    }

    /** {@link #checkValues} for many new records: the definitions read once (bulk imports). */
    public java.util.function.UnaryOperator<Map<String, Object>> checkerFor(String object) {
        List<CustomField> defined = definitions.of(object);
        return values -> CustomFieldValues.check(defined, values);
    }

    public List<CustomField> definitions(String object) {
        return definitions.of(object);
    }

    public Optional<CustomField> find(UUID id) {
        return definitions.find(id);
    }

    public void insert(UUID tenant, CustomField field) {
        definitions.insert(tenant, field);
    }

    public void update(CustomField field) {
        definitions.update(field);
    }

    public void delete(UUID id) {
        definitions.delete(id);
    }
}
