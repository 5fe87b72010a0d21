package io.team365.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Password rules after NIST SP 800-63B: long enough, not absurdly long, and not a password that attackers try
 * first (a bundled list of ~49,000 common passwords, also matched with trailing digits and symbols removed), nor
 * the person's own email or name. No composition rules: they make passwords worse, not better.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** The message key of the first rule the password breaks, if any. */
    public Optional<String> violation(String password, String email, String name) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String base = lower.replaceAll("[\\d\\W_]+$", "").replaceAll("^[\\d\\W_]+", "");
        if (common.contains(lower) || (base.length() >= 4 && common.contains(base))) {
            return Optional.of("password.common");
        }
        if (lower.chars().distinct().count() < 4) {
            return Optional.of("password.common");
        }
        if (containsPersonalPart(lower, email, name)) {
            return Optional.of("password.personal");
        }
        return Optional.empty();
    }

    private static boolean containsPersonalPart(String password, String email, String name) {
        if (email != null) {
            String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (local.length() >= 4 && password.contains(local)) {
                return true;
            }
        }
        if (name != null) {
            for (String part : name.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (part.length() >= 4 && password.contains(part) && password.length() - part.length() < 6) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(70_000);
        var resource = new ClassPathResource("identity/common-passwords.txt");
        try (var reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
