package io.team365.identity;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do in one Client. Each role includes everything the roles below it may do. */
public enum Role {
    OWNER("owner"),
    ADMIN("admin"),
    MEMBER("member"),
    READ_ONLY("read-only");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    /** The name used in the database and the API. */
    public String value() {
        return value;
    }

    /** The Spring Security authority, without its {@code ROLE_} prefix. */
    public String authority() {
        return name();
    }

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values())
                .filter(r -> r.value.equalsIgnoreCase(value))
                .findFirst();
    }

    public static Role of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown role " + value));
    }
}
