package io.team365.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which fields a change touched, with their old and new values as text: the field history a timeline shows.
 * {@code FieldHistory.between(before, after).compare("name", Company::name).changes()}.
 */
public final class FieldHistory<T> {

    private final T before;
    private final T after;
    private final List<FieldChange> changes = new ArrayList<>();

    private FieldHistory(T before, T after) {
        this.before = before;
        this.after = after;
    }

    public static <T> FieldHistory<T> between(T before, T after) {
        return new FieldHistory<>(before, after);
    }

    /** Compares one field; {@code value} may return any object, compared by its text. */
    public FieldHistory<T> compare(String field, Function<T, ?> value) {
        String from = text(before == null ? null : value.apply(before));
        String to = text(after == null ? null : value.apply(after));
        if (!Objects.equals(from, to)) {
            changes.add(new FieldChange(field, from, to));
        }
        return this;
    }

    public List<FieldChange> changes() {
        return List.copyOf(changes);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Iterable<?> items ? String.join(", ", texts(items)) : value.toString();
        return text.isEmpty() ? null : text;
    }

    private static List<String> texts(Iterable<?> items) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(String.valueOf(item)));
        return texts;
    }
}
