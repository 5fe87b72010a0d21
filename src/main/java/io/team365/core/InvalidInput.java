package io.team365.core;

import java.util.List;

/**
 * Input that breaks a rule. Each error names the field and a message key; the web layer renders it as a form
 * error or as RFC 9457 problem details naming the field.
 */
public class InvalidInput extends RuntimeException {

    public record FieldError(String field, String messageKey, Object... args) {}

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(
                errors.isEmpty()
                        ? "invalid input"
                        : errors.getFirst().field() + ": " + errors.getFirst().messageKey());
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String messageKey, Object... args) {
        return new InvalidInput(List.of(new FieldError(field, messageKey, args)));
    }

    /** All the errors of several checks as one, so a form shows every problem at once. */
    public static InvalidInput merge(InvalidInput first, InvalidInput second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        List<FieldError> all = new java.util.ArrayList<>(first.errors());
        all.addAll(second.errors());
        return new InvalidInput(all);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
