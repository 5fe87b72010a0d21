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

    public List<FieldError> errors() {
        return errors;
    }
}
