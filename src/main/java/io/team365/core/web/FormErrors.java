package io.team365.core.web;

import io.team365.core.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;

/** Field errors of a form, as messages ready to show beside each field. */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(InvalidInput invalid, MessageSource messages, Locale locale) {
        FormErrors errors = new FormErrors();
        invalid.errors()
                .forEach(e ->
                        errors.byField.putIfAbsent(e.field(), Texts.of(messages, e.messageKey(), e.args(), locale)));
        return errors;
    }

    public static FormErrors single(String field, String message) {
        FormErrors errors = new FormErrors();
        errors.byField.put(field, message);
        return errors;
    }

    /** The same errors, with the error of {@code from} shown at {@code to} (API field names on form fields). */
    public FormErrors renamed(String from, String to) {
        if (!byField.containsKey(from)) {
            return this;
        }
        FormErrors renamed = new FormErrors();
        renamed.byField.putAll(byField);
        renamed.byField.putIfAbsent(to, byField.get(from));
        return renamed;
    }

    public Optional<String> get(String field) {
        return Optional.ofNullable(byField.get(field));
    }

    public String message(String field) {
        return byField.getOrDefault(field, null);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The first field in error, where the cursor should go; empty string if none. */
    public String firstField() {
        return byField.keySet().stream().findFirst().orElse("");
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public Map<String, String> all() {
        return Map.copyOf(byField);
    }
}
