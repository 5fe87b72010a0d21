package io.team365.privacy.internal;

import io.team365.core.Ids;
import io.team365.core.TenantId;
import io.team365.privacy.Consent;
import io.team365.privacy.ConsentPurpose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads and appends to {@code consent_events}, and keeps the Client's {@code consent_purposes}. */
@Repository
public class ConsentLedger {

    /** What every Client asks consent for until it changes the list (the privacy policy's purposes). */
    static final List<ConsentPurpose> DEFAULT_PURPOSES = List.of(
            new ConsentPurpose("newsletter", "Newsletter", "News and offers by email"),
            new ConsentPurpose("product-updates", "Product updates", "Emails about products the person uses"),
            new ConsentPurpose("email-tracking", "Email open and click tracking", "Knowing whether emails are read"),
            new ConsentPurpose("event-updates", "Event updates", "News about events the person registered for"),
            new ConsentPurpose("partner-sharing", "Sharing with partners", "Passing details to the Client's partners"));

    private static final String COLUMNS =
            "id, contact_id, purpose, granted, method, policy_version, evidence, recorded_by, recorded_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ConsentLedger(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The Client's purposes, made from the defaults when it has none (two first requests at once both insert; the
     * key makes the second a no-op).
     */
    public List<ConsentPurpose> purposes(TenantId tenant) {
        boolean none = jdbc.sql("select not exists (select 1 from consent_purposes)")
                .query(Boolean.class)
                .single();
        if (none) {
            for (ConsentPurpose purpose : DEFAULT_PURPOSES) {
                jdbc.sql("insert into consent_purposes (tenant_id, key, label, description)"
                                + " values (:tenant, :key, :label, :description) on conflict do nothing")
                        .param("tenant", tenant.value())
                        .param("key", purpose.key())
                        .param("label", purpose.label())
                        .param("description", purpose.description())
                        .update();
            }
        }
        return jdbc.sql("select key, label, description, marketing, archived_at is not null from consent_purposes"
                        + " order by created_at, key")
                .query((rs, n) -> new ConsentPurpose(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)))
                .list();
    }

    /** The Client's purposes that are still offered. */
    public List<ConsentPurpose> activePurposes(TenantId tenant) {
        return purposes(tenant).stream().filter(p -> !p.archived()).toList();
    }

    /** Whether the subject's withdrawal from the purpose was ever recorded by a browser signal (it counts once). */
    public boolean signalRecorded(UUID contact, String purpose) {
        return jdbc.sql("select exists (select 1 from consent_events where contact_id = :contact and purpose = :purpose"
                        + " and method = 'browser-signal')")
                .param("contact", contact)
                .param("purpose", purpose)
                .query(Boolean.class)
                .single();
    }

    public Consent append(
            TenantId tenant,
            UUID contact,
            String purpose,
            boolean granted,
            String method,
            String policyVersion,
            Map<String, Object> evidence,
            UUID by) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into consent_events (tenant_id, id, contact_id, purpose, granted, method, policy_version,
                            evidence, recorded_by)
                        values (:tenant, :id, :contact, :purpose, :granted, :method, :version, cast(:evidence as jsonb),
                            :by)
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .param("contact", contact)
                .param("purpose", purpose)
                .param("granted", granted)
                .param("method", method)
                .param("version", policyVersion)
                .param("evidence", json.writeValueAsString(evidence))
                .param("by", by)
                .update();
        return jdbc.sql("select " + COLUMNS + " from consent_events where id = :id")
                .param("id", id)
                .query(this::consent)
                .single();
    }

    /**
     * Grants {@code purpose} for each contact whose newest entry for it is not a withdrawal, in one statement (an
     * import's stated consent): a withdrawal stands until the person gives consent again themselves, so an import of
     * an old list cannot revive it. Returns how many were granted.
     */
    public int grantUnlessWithdrawn(
            TenantId tenant,
            java.util.Collection<UUID> contacts,
            String purpose,
            String method,
            Map<String, Object> evidence,
            UUID by) {
        if (contacts.isEmpty()) {
            return 0;
        }
        UUID[] ids = contacts.stream().map(c -> Ids.newId()).toArray(UUID[]::new);
        return jdbc.sql("""
                        insert into consent_events (tenant_id, id, contact_id, purpose, granted, method, evidence,
                            recorded_by)
                        select :tenant, i, c, :purpose, true, :method, cast(:evidence as jsonb), :by
                          from unnest(cast(:ids as uuid[]), cast(:contacts as uuid[])) x (i, c)
                         where coalesce((select e.granted from consent_events e
                                          where e.tenant_id = :tenant and e.contact_id = x.c and e.purpose = :purpose
                                          order by e.recorded_at desc, e.id desc limit 1), true)
                        """)
                .param("tenant", tenant.value())
                .param("ids", ids)
                .param("contacts", contacts.toArray(UUID[]::new))
                .param("purpose", purpose)
                .param("method", method)
                .param("evidence", json.writeValueAsString(evidence))
                .param("by", by)
                .update();
    }

    /** The newest entry per purpose: the subject's consent as it stands. */
    public List<Consent> current(UUID contact) {
        return jdbc.sql("select distinct on (purpose) " + COLUMNS + " from consent_events where contact_id = :contact"
                        + " order by purpose, recorded_at desc, id desc")
                .param("contact", contact)
                .query(this::consent)
                .list();
    }

    /** Every entry, newest first. */
    public List<Consent> history(UUID contact) {
        return jdbc.sql("select " + COLUMNS + " from consent_events where contact_id = :contact"
                        + " order by recorded_at desc, id desc limit 500")
                .param("contact", contact)
                .query(this::consent)
                .list();
    }

    private Consent consent(ResultSet rs, int row) throws SQLException {
        return new Consent(
                rs.getObject("id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getString("purpose"),
                rs.getBoolean("granted"),
                rs.getString("method"),
                rs.getString("policy_version"),
                json.readValue(rs.getString("evidence"), new TypeReference<Map<String, Object>>() {}),
                rs.getObject("recorded_by", UUID.class),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
