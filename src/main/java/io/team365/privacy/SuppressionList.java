package io.team365.privacy;

import io.team365.core.TenantId;
import io.team365.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Erased people's emails and phones, kept only as one-way hashes (SHA-256 over the Client's id and the normalised
 * identifier: emails lower-cased, phones as their digits), so an import (issue 5) can skip them and a restored backup
 * can be erased again. Adding runs in the caller's transaction, with the Client bound.
 */
@Service
public class SuppressionList {

    private final JdbcClient jdbc;

    SuppressionList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the email or phone belongs to someone erased from the Client. Blank or absurd input is not. */
    public boolean isSuppressed(TenantId tenant, String emailOrPhone) {
        String hash = hashOf(tenant, emailOrPhone);
        // outside a transaction the connection is taken with this Client bound; inside one, it already is
        return hash != null
                && TenantContext.callAs(
                        tenant,
                        TenantContext.user().orElse(null),
                        () -> jdbc.sql("select exists (select 1 from subject_suppressions where tenant_id = :tenant"
                                        + " and hash = :hash)")
                                .param("tenant", tenant.value())
                                .param("hash", hash)
                                .query(Boolean.class)
                                .single());
    }

    /**
     * Which of the emails and phones belong to people erased from the Client, in one query (for imports): the
     * values as given, those that are suppressed. Blank or absurd values are not.
     */
    public Set<String> suppressedAmong(TenantId tenant, Collection<String> emailsOrPhones) {
        Map<String, String> byHash = new HashMap<>();
        for (String value : emailsOrPhones) {
            String hash = hashOf(tenant, value);
            if (hash != null) {
                byHash.putIfAbsent(hash, value);
            }
        }
        if (byHash.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        TenantContext.callAs(
                        tenant,
                        TenantContext.user().orElse(null),
                        () -> jdbc.sql(
                                        "select hash from subject_suppressions where tenant_id = :tenant and hash = any(:hashes)")
                                .param("tenant", tenant.value())
                                .param("hashes", byHash.keySet().toArray(String[]::new))
                                .query(String.class)
                                .list())
                .forEach(hash -> found.add(byHash.get(hash)));
        return found;
    }

    /** Adds the identifier (again: adding twice is harmless); false when it is neither an email nor a phone. */
    public boolean suppress(TenantId tenant, String emailOrPhone, UUID requestId) {
        String hash = hashOf(tenant, emailOrPhone);
        if (hash == null) {
            return false;
        }
        jdbc.sql("""
                        insert into subject_suppressions (tenant_id, hash, kind, request_id)
                        values (:tenant, :hash, :kind, :request) on conflict do nothing
                        """)
                .param("tenant", tenant.value())
                .param("hash", hash)
                .param("kind", emailOrPhone.contains("@") ? "email" : "phone")
                .param("request", requestId)
                .update();
        return true;
    }

    /** The stored hash of an identifier, or null when it is neither an email nor a phone of at least 6 digits. */
    public static String hashOf(TenantId tenant, String emailOrPhone) {
        String normalised = normalise(emailOrPhone);
        return normalised == null ? null : sha256(tenant.value() + ":" + normalised);
    }

    static String normalise(String emailOrPhone) {
        if (emailOrPhone == null || emailOrPhone.isBlank() || emailOrPhone.length() > 254) {
            return null;
        }
        if (emailOrPhone.contains("@")) {
            return emailOrPhone.strip().toLowerCase(Locale.ROOT);
        }
        String digits = emailOrPhone.replaceAll("\\D", "");
        return digits.length() < 6 ? null : digits;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
