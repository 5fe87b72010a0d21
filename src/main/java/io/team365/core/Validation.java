package io.team365.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Collects field errors and throws them together, so a form shows every problem at once. */
public final class Validation {

    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    public static Validation start() {
        return new Validation();
    }

    /** Lower-cased, trimmed email, or null (with an error recorded) if it is not a usable address. */
    public String email(String field, String value) {
        String email = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            reject(field, "validation.required");
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            reject(field, "validation.email");
        }
        return email;
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    public String text(String field, String value, int maxLength) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            reject(field, "validation.required");
        } else if (text.length() > maxLength || text.chars().anyMatch(c -> c < 0x20)) {
            reject(
                    field,
                    text.length() > maxLength ? "validation.too-long" : "validation.control-characters",
                    maxLength);
        }
        return text;
    }

    public Validation reject(String field, String messageKey, Object... args) {
        errors.add(new InvalidInput.FieldError(field, messageKey, args));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
