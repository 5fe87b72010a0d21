package io.team365.leads.internal;

import io.team365.contacts.Contact;
import io.team365.core.TenantId;
import io.team365.core.database.RecordRows;
import io.team365.identity.RecordScope;
import io.team365.leads.Conversion;
import io.team365.leads.Lead;
import io.team365.leads.LeadFields;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads and writes {@code leads}; row-level security keeps every statement inside the bound Client. */
@Repository
class Leads {

    static final String COLUMNS = "id, first_name, last_name, emails, phones, job_title, company_name, owner_id, tags,"
            + " source, status, unqualified_reason, custom_fields, converted_at, converted_contact_id,"
            + " converted_company_id, converted_deal_id, created_at, created_by, updated_at, updated_by, version,"
            + " deleted_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RecordRows rows;

    Leads(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new RecordRows(jdbc, LeadRecords.TABLE);
    }

    void insert(TenantId tenant, UUID id, LeadFields fields, UUID by) {
        jdbc.sql("""
                        insert into leads (tenant_id, id, first_name, last_name, emails, phones, job_title,
                            company_name, owner_id, tags, source, status, unqualified_reason, custom_fields,
                            created_by, updated_by)
                        values (:tenant, :id, :first, :last, cast(:emails as jsonb), cast(:phones as jsonb), :job,
                            :company, :owner, cast(:tags as text[]), :source, :status, :reason,
                            cast(:custom as jsonb), :by, :by)
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .params(fieldParams(fields))
                .param("by", by)
                .update();
    }

    /**
     * Applies the fields if the stored version is still {@code expectedVersion} and the lead is not converted;
     * false if someone was faster.
     */
    boolean update(UUID id, LeadFields fields, int expectedVersion, UUID by) {
        return jdbc.sql("""
                        update leads set first_name = :first, last_name = :last, emails = cast(:emails as jsonb),
                            phones = cast(:phones as jsonb), job_title = :job, company_name = :company,
                            owner_id = :owner, tags = cast(:tags as text[]), source = :source, status = :status,
                            unqualified_reason = :reason, custom_fields = cast(:custom as jsonb),
                            updated_at = now(), updated_by = :by, version = version + 1
                        where id = :id and version = :version and deleted_at is null and converted_at is null
                        """)
                        .params(fieldParams(fields))
                        .param("id", id)
                        .param("version", expectedVersion)
                        .param("by", by)
                        .update()
                == 1;
    }

    /**
     * Marks the lead converted into the given records, once: false if it already was (a conversion running at the
     * same time waits for this row's lock and then finds it converted).
     */
    boolean markConverted(UUID id, Conversion conversion, UUID by) {
        return jdbc.sql("""
                        update leads set status = 'converted', converted_at = now(), converted_contact_id = :contact,
                            converted_company_id = :company, converted_deal_id = :deal, unqualified_reason = null,
                            updated_at = now(), updated_by = :by, version = version + 1
                        where id = :id and deleted_at is null and converted_at is null
                        """)
                        .param("id", id)
                        .param("contact", conversion.contactId())
                        .param("company", conversion.companyId())
                        .param("deal", conversion.dealId())
                        .param("by", by)
                        .update()
                == 1;
    }

    /** The lead, if the scope includes it. */
    Optional<Lead> find(UUID id, RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        String visible = scope.sql(null, params);
        return jdbc.sql("select " + COLUMNS + " from leads where id = :id and " + visible)
                .params(params)
                .param("id", id)
                .query(this::lead)
                .optional();
    }

    Optional<Lead> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from leads where id = :id")
                .param("id", id)
                .query(this::lead)
                .optional();
    }

    boolean moveToTrash(UUID id, UUID by) {
        return rows.moveToTrash(id, by);
    }

    boolean restore(UUID id, UUID by) {
        return rows.restore(id, by);
    }

    List<Lead> list(String where, Map<String, Object> params, String orderBy, int limit) {
        return jdbc.sql("select " + COLUMNS + " from leads where " + where + " order by " + orderBy + " limit :limit")
                .params(params)
                .param("limit", limit)
                .query(this::lead)
                .list();
    }

    private Map<String, Object> fieldParams(LeadFields fields) {
        Map<String, Object> params = new HashMap<>();
        params.put("first", fields.firstName());
        params.put("last", fields.lastName());
        params.put("emails", json.writeValueAsString(fields.emails()));
        params.put("phones", json.writeValueAsString(fields.phones()));
        params.put("job", fields.jobTitle());
        params.put("company", fields.companyName());
        params.put("owner", fields.ownerId());
        params.put(
                "tags",
                "{"
                        + String.join(
                                ",",
                                fields.tags().stream().map(Leads::arrayLiteral).toList()) + "}");
        params.put("source", fields.source());
        params.put("status", fields.status());
        params.put("reason", fields.unqualifiedReason());
        params.put("custom", json.writeValueAsString(fields.customFields()));
        return params;
    }

    private static String arrayLiteral(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Lead lead(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        return new Lead(
                rs.getObject("id", UUID.class),
                rs.getString("first_name"),
                rs.getString("last_name"),
                json.readValue(rs.getString("emails"), new TypeReference<List<Contact.Email>>() {}),
                json.readValue(rs.getString("phones"), new TypeReference<List<Contact.Phone>>() {}),
                rs.getString("job_title"),
                rs.getString("company_name"),
                rs.getObject("owner_id", UUID.class),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getString("source"),
                rs.getString("status"),
                rs.getString("unqualified_reason"),
                json.readValue(rs.getString("custom_fields"), new TypeReference<Map<String, Object>>() {}),
                instant(rs.getTimestamp("converted_at")),
                rs.getObject("converted_contact_id", UUID.class),
                rs.getObject("converted_company_id", UUID.class),
                rs.getObject("converted_deal_id", UUID.class),
                instant(rs.getTimestamp("created_at")),
                rs.getObject("created_by", UUID.class),
                instant(rs.getTimestamp("updated_at")),
                rs.getObject("updated_by", UUID.class),
                rs.getInt("version"),
                instant(rs.getTimestamp("deleted_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
