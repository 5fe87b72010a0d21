package io.team365.search;

import io.team365.core.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exact keys of contacts, leads and companies not in the trash: every email and phone of a person, the domain,
 * website and phone of a company. The table is kept by triggers on the records' tables (migration V35), so an import
 * that inserts a batch sees the keys of that batch in the same transaction.
 *
 * <p>Keys are as the database makes them: an email trimmed and lower-cased, a phone's digits only, a domain's host
 * lower-cased without scheme, {@code www.} or path. Use {@link #emailKey}, {@link #phoneKey} and {@link #domainKey}
 * to make the same keys on the Java side.
 */
@Service
public class RecordKeys {

    public enum Kind {
        EMAIL,
        PHONE,
        DOMAIN;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;

    RecordKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The records of {@code recordType} ({@code contact}, {@code lead}, {@code company}) holding each of the keys,
     * in one query; keys that match nothing are absent from the answer.
     */
    @Transactional(readOnly = true)
    public Map<String, List<UUID>> recordsWith(TenantId tenant, String recordType, Kind kind, Collection<String> keys) {
        Map<String, List<UUID>> found = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select key, record_id from record_keys
                        where tenant_id = :tenant and kind = :kind and key = any(:keys) and record_type = :type
                        order by key, record_id
                        """)
                .param("tenant", tenant.value())
                .param("kind", kind.value())
                .param("keys", keys.toArray(String[]::new))
                .param("type", recordType)
                .query((rs, n) -> found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return found;
    }

    /** The keys of one record not in the trash (none when it is in the trash or gone), e.g. a contact's emails. */
    @Transactional(readOnly = true)
    public List<String> keysOf(TenantId tenant, String recordType, UUID recordId, Kind kind) {
        return jdbc.sql("""
                        select key from record_keys
                        where tenant_id = :tenant and kind = :kind and record_type = :type and record_id = :id
                        order by key
                        """)
                .param("tenant", tenant.value())
                .param("kind", kind.value())
                .param("type", recordType)
                .param("id", recordId)
                .query(String.class)
                .list();
    }

    /** The email as a key, or {@code null} when blank. */
    public static String emailKey(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** The phone's digits as a key, or {@code null} when it has fewer than 6. */
    public static String phoneKey(String number) {
        if (number == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(number.length());
        number.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        return digits.length() >= 6 ? digits.toString() : null;
    }

    /** A domain or website's host as a key, or {@code null} when blank. */
    public static String domainKey(String site) {
        if (site == null || site.isBlank()) {
            return null;
        }
        String host = site.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        host = host.replaceFirst("^www\\.", "").replaceFirst("[/:?#].*$", "");
        return host.isEmpty() ? null : host;
    }
}
