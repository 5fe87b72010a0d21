package io.team365.customfields;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads custom field values from a submitted record form ({@code cf.<key>}, money as {@code cf.<key>.amount} and
 * {@code .currency}, as the template {@code customfields/input.jte} names them); an empty input clears the value.
 * Every record module's pages use it; the module's service then checks the values like any other write.
 */
public final class CustomFieldInputs {

    private CustomFieldInputs() {}

    public static Map<String, Object> read(
            List<CustomField> fields, Map<String, String[]> parameters, Map<String, Object> stored) {
        Map<String, Object> values = new LinkedHashMap<>(stored);
        for (CustomField field : fields) {
            String name = "cf." + field.key();
            Object value = switch (field.type()) {
                case BOOL -> parameters.containsKey(name + ".present") ? parameters.containsKey(name) : null;
                case MULTISELECT -> parameters.containsKey(name) ? Arrays.asList(parameters.get(name)) : null;
                case MONEY -> money(parameters.get(name + ".amount"), parameters.get(name + ".currency"));
                default -> single(parameters.get(name));
            };
            if (value == null) {
                values.remove(field.key());
            } else {
                values.put(field.key(), value);
            }
        }
        return values;
    }

    private static String single(String[] values) {
        return values == null || values.length == 0 || values[0].isBlank() ? null : values[0].strip();
    }

    private static Object money(String[] amount, String[] currency) {
        String a = single(amount);
        String c = single(currency);
        return a == null && c == null ? null : Map.of("amount", a == null ? "" : a, "currency", c == null ? "" : c);
    }
}
