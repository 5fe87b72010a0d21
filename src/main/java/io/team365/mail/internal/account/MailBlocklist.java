package io.team365.mail.internal.account;

import io.team365.core.TenantId;
import io.team365.core.Validation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Addresses ({@code someone@example.com}) and domains ({@code example.com}, also typed as {@code @example.com})
 * whose mail an account never syncs. Stored lower case, each once.
 */
@Component
public class MailBlocklist {

    public static final int MAX_ENTRIES = 500;

    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    private final JdbcClient jdbc;

    MailBlocklist(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> of(UUID accountId) {
        return jdbc.sql("select pattern from mail_blocklist where account_id = :account order by pattern")
                .param("account", accountId)
                .query(String.class)
                .list();
    }

    /** The patterns in their stored form; each bad one is rejected as {@code field[i]}. */
    public static List<String> normalise(Validation validation, String field, List<String> patterns) {
        if (patterns == null) {
            return List.of();
        }
        if (patterns.size() > MAX_ENTRIES) {
            validation.reject(field, "mail.accounts.error.blocklist-too-long", MAX_ENTRIES);
            return List.of();
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = pattern(patterns.get(i));
            if (pattern == null) {
                validation.reject(field + "[" + i + "]", "mail.accounts.error.blocklist-pattern");
            } else {
                normalised.add(pattern);
            }
        }
        return new ArrayList<>(normalised);
    }

    /** An address or a domain, lower case; null if it is neither. */
    public static String pattern(String value) {
        if (value == null) {
            return null;
        }
        String pattern = value.strip().toLowerCase(Locale.ROOT);
        if (pattern.startsWith("@")) {
            pattern = pattern.substring(1);
        }
        if (pattern.contains("@")) {
            return Validation.isEmail(pattern) ? pattern : null;
        }
        return DOMAIN.matcher(pattern).matches() ? pattern : null;
    }

    /** Makes the account's list exactly these patterns. */
    public void replace(TenantId tenant, UUID accountId, List<String> patterns, Instant now) {
        jdbc.sql("delete from mail_blocklist where account_id = :account and not (pattern = any(:patterns))")
                .param("account", accountId)
                .param("patterns", patterns.toArray(String[]::new))
                .update();
        for (String pattern : patterns) {
            jdbc.sql("""
                            insert into mail_blocklist (tenant_id, account_id, pattern, created_at)
                            values (:tenant, :account, :pattern, :now) on conflict do nothing
                            """)
                    .param("tenant", tenant.value())
                    .param("account", accountId)
                    .param("pattern", pattern)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }
}
