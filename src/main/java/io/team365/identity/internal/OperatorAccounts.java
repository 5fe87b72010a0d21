package io.team365.identity.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Team365's own staff ({@code team365.operators}: email addresses). They sign in like anyone else and get
 * {@code ROLE_OPERATOR} on top of their role in their own Client; it opens the operator console only, never another
 * Client's data without that Client's grant.
 */
@Component
class OperatorAccounts {

    private final Set<String> emails;

    OperatorAccounts(@Value("${team365.operators:}") String operators) {
        this.emails = Arrays.stream(operators.split(","))
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .map(e -> e.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean includes(String email) {
        return email != null && emails.contains(email.toLowerCase(Locale.ROOT));
    }
}
