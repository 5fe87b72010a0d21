package io.team365.customfields;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.core.paging.FilterField;
import io.team365.core.paging.KeysetSort;
import io.team365.customfields.internal.CustomFieldColumns;
import io.team365.customfields.internal.CustomFieldRules;
import io.team365.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defining custom fields, and checking the values records give them. */
@Service
public class CustomFieldManagement {

    public static final List<String> OBJECTS = List.of("contact", "company", "lead", "deal");

    private final CustomFieldRules rules;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    CustomFieldManagement(CustomFieldRules rules, AuditTrail audit, ApplicationEventPublisher events) {
        this.rules = rules;
        this.audit = audit;
        this.events = events;
    }

    public List<CustomField> list(String object) {
        if (object != null && !OBJECTS.contains(object)) {
            Validation.start().reject("filter[object]", "customfield.object").throwIfInvalid();
        }
        return rules.definitions(object);
    }

    /**
     * The object's custom fields as filter fields named {@code customFields.<key>}, reading the {@code custom_fields}
     * JSON column of the record table (optionally through {@code alias}).
     */
    public List<FilterField> filterFields(String object, String alias) {
        return list(object).stream()
                .map(field -> CustomFieldColumns.filterField(field, alias))
                .toList();
    }

    /**
     * The object's custom fields a list can be sorted by (text, select, email, url, phone, number, date, money),
     * each a non-null SQL expression and the same value computed from a record's custom fields.
     */
    public <T> List<KeysetSort.Column<T>> sortColumns(
            String object, String alias, Function<T, Map<String, Object>> customFieldsOf) {
        return list(object).stream()
                .flatMap(field -> CustomFieldColumns.sortColumn(field, alias, customFieldsOf).stream())
                .toList();
    }

    @Transactional
    public CustomField define(
            String object,
            String key,
            String label,
            String type,
            List<String> options,
            Boolean required,
            AuditTrail.Actor actor) {
        CustomField field = rules.checkDefinition(Ids.newId(), object, key, label, type, options, required);
        try {
            rules.insert(TenantContext.requireTenant().value(), field);
        } catch (DuplicateKeyException taken) {
            throw new Conflict("key", "customfield.key-taken");
        }
        audit.record(
                TenantContext.requireTenant(),
                actor,
                "customfield.defined",
                "customfield",
                field.id().toString(),
                Map.of(
                        "object",
                        field.object(),
                        "key",
                        field.key(),
                        "type",
                        field.type().value()));
        return field;
    }

    @Transactional
    public CustomField change(UUID id, String label, List<String> options, Boolean required, AuditTrail.Actor actor) {
        CustomField current = rules.find(id).orElseThrow(() -> new NotFound("custom field"));
        CustomField changed = rules.checkDefinition(
                id,
                current.object(),
                current.key(),
                label == null ? current.label() : label,
                current.type().value(),
                options == null ? current.options() : options,
                required == null ? current.required() : required);
        rules.update(changed);
        audit.record(
                TenantContext.requireTenant(),
                actor,
                "customfield.changed",
                "customfield",
                id.toString(),
                Map.of("key", current.key()));
        return changed;
    }

    @Transactional
    public void delete(UUID id, AuditTrail.Actor actor) {
        CustomField field = rules.find(id).orElseThrow(() -> new NotFound("custom field"));
        rules.delete(id);
        audit.record(
                TenantContext.requireTenant(),
                actor,
                "customfield.deleted",
                "customfield",
                id.toString(),
                Map.of("object", field.object(), "key", field.key()));
        events.publishEvent(new CustomFieldDeleted(TenantContext.requireTenant(), field.object(), field.key()));
    }

    /**
     * The values a record of {@code object} is about to store, checked and in canonical form. Values of fields that
     * were deleted since they were stored are dropped quietly; new values for unknown keys are refused.
     */
    public Map<String, Object> check(String object, Map<String, Object> values, Map<String, Object> stored) {
        return rules.checkValues(object, values, stored);
    }

    /**
     * Checks the custom values of many new records of {@code object} against definitions read once (bulk imports):
     * the function returns the values in canonical form or throws {@code InvalidInput}.
     */
    public java.util.function.UnaryOperator<Map<String, Object>> checker(String object) {
        return rules.checkerFor(object);
    }
}
