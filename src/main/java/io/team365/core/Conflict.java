package io.team365.core;

/** The request clashes with what is stored (an email already registered, the last owner). Carries a message key. */
public class Conflict extends RuntimeException {

    private final String messageKey;
    private final String field;

    public Conflict(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    public String field() {
        return field;
    }
}
