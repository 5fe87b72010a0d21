package io.team365.customfields.internal;

import io.team365.core.Validation;
import io.team365.customfields.CustomField;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks custom field values against their definitions and brings them to one canonical JSON shape. */
final class CustomFieldValues {

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{3,40}$");

    private CustomFieldValues() {}

    static Map<String, Object> check(Collection<CustomField> definitions, Map<String, Object> values) {
        Validation check = Validation.start();
        Map<String, CustomField> byKey = new LinkedHashMap<>();
        definitions.forEach(d -> byKey.put(d.key(), d));
        Map<String, Object> cleaned = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            CustomField field = byKey.get(key);
            String name = "customFields." + key;
            if (field == null) {
                check.reject(name, "contact.unknown-custom-field");
            } else if (value != null) {
                Object canonical = canonical(field, value);
                if (canonical == null) {
                    check.reject(
                            name, "customfield.invalid." + field.type().value(), String.join(", ", field.options()));
                } else {
                    cleaned.put(key, canonical);
                }
            }
        });
        byKey.values().stream()
                .filter(CustomField::required)
                .filter(d -> !cleaned.containsKey(d.key()) && !values.containsKey(d.key()))
                .forEach(d -> check.reject("customFields." + d.key(), "validation.required"));
        check.throwIfInvalid();
        return cleaned;
    }

    /** The value in its stored form, or null if it is not a valid value of the field. */
    static Object canonical(CustomField field, Object value) {
        try {
            return switch (field.type()) {
                case TEXT -> value instanceof String s && !s.isBlank() && s.length() <= 1000 ? s.strip() : null;
                case NUMBER -> value instanceof Number || value instanceof String ? number(value.toString()) : null;
                case DATE ->
                    value instanceof String s ? LocalDate.parse(s.strip()).toString() : null;
                case BOOL -> value instanceof Boolean b ? b : null;
                case SELECT -> value instanceof String s && field.options().contains(s) ? s : null;
                case MULTISELECT -> multiselect(field, value);
                case URL -> url(value);
                case EMAIL ->
                    value instanceof String s && Validation.isEmail(s.strip())
                            ? s.strip().toLowerCase()
                            : null;
                case PHONE ->
                    value instanceof String s && PHONE.matcher(s.strip()).matches() ? s.strip() : null;
                case MONEY -> money(value);
            };
        } catch (DateTimeParseException | IllegalArgumentException e) { // NumberFormatException is one too
            return null;
        }
    }

    /** Up to 30 significant digits and 10 decimals: enough for any business number, bounded for safety. */
    private static String number(String text) {
        if (text.length() > 60) {
            return null;
        }
        BigDecimal number = new BigDecimal(text.strip()).stripTrailingZeros();
        if (number.precision() > 30 || number.scale() > 10 || number.scale() < -30) {
            return null;
        }
        return number.toPlainString();
    }

    private static Object multiselect(CustomField field, Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(field.options()::contains)) {
            return null;
        }
        return List.copyOf(
                new LinkedHashSet<>(list.stream().map(String::valueOf).toList()));
    }

    private static Object url(Object value) {
        if (!(value instanceof String s) || s.length() > 2000) {
            return null;
        }
        URI uri = URI.create(s.strip());
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        return web && uri.getHost() != null ? uri.toString() : null;
    }

    private static Object money(Object value) {
        if (!(value instanceof Map<?, ?> map)
                || !(map.get("amount") instanceof String amount)
                || !(map.get("currency") instanceof String currency)
                || map.size() != 2) {
            return null;
        }
        Currency code = Currency.getInstance(currency.strip().toUpperCase());
        BigDecimal decimal = new BigDecimal(amount.strip());
        if (decimal.scale() > Math.max(code.getDefaultFractionDigits(), 0)) {
            return null;
        }
        return Map.of("amount", decimal.toPlainString(), "currency", code.getCurrencyCode());
    }
}
