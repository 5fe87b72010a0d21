package io.team365.customfields;

import java.util.List;
import java.util.UUID;

/** A field a Client added to one kind of record (contact, company, lead, deal). */
public record CustomField(
        UUID id, String object, String key, String label, Type type, List<String> options, boolean required) {

    public enum Type {
        TEXT,
        NUMBER,
        DATE,
        BOOL,
        SELECT,
        MULTISELECT,
        URL,
        EMAIL,
        PHONE,
        MONEY;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Type> parse(String value) {
            return java.util.Arrays.stream(values())
                    .filter(t -> t.value().equals(value))
                    .findFirst();
        }
    }
}
