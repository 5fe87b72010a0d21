package io.team365.contacts.internal;

import static io.team365.core.database.RecordRows.instant;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactFields;
import io.team365.contacts.SocialLink;
import io.team365.core.PostalAddress;
import io.team365.core.TenantId;
import io.team365.core.database.RecordRows;
import io.team365.identity.RecordScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads and writes {@code contacts}; row-level security keeps every statement inside the bound Client. */
@Repository
class Contacts {

    static final String COLUMNS = "id, first_name, last_name, emails, phones, job_title, company_id, owner_id, tags,"
            + " source, custom_fields, address, social_links, created_at, created_by, updated_at, updated_by, version,"
            + " deleted_at";

    private final JdbcClient jdbc;
    private final RecordRows rows;
    private final ObjectMapper json;

    Contacts(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.rows = new RecordRows(jdbc, ContactRecords.TABLE);
        this.json = json;
    }

    void insert(TenantId tenant, UUID id, ContactFields fields, UUID by) {
        jdbc.sql("""
                        insert into contacts (tenant_id, id, first_name, last_name, emails, phones, job_title,
                            company_id, owner_id, tags, source, custom_fields, address, social_links, created_by,
                            updated_by)
                        values (:tenant, :id, :first, :last, cast(:emails as jsonb), cast(:phones as jsonb), :job,
                            :company, :owner, cast(:tags as text[]), :source, cast(:custom as jsonb),
                            cast(:address as jsonb), cast(:links as jsonb), :by, :by)
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .params(fieldParams(fields))
                .param("by", by)
                .update();
    }

    /** Applies the fields if the stored version is still {@code expectedVersion}; false if someone was faster. */
    boolean update(UUID id, ContactFields fields, int expectedVersion, UUID by) {
        return rows.update("""
                first_name = :first, last_name = :last, emails = cast(:emails as jsonb),
                phones = cast(:phones as jsonb), job_title = :job, company_id = :company, owner_id = :owner,
                tags = cast(:tags as text[]), source = :source, custom_fields = cast(:custom as jsonb),
                address = cast(:address as jsonb), social_links = cast(:links as jsonb)
                """, fieldParams(fields), id, expectedVersion, by);
    }

    /** The contact, if the scope includes it. */
    Optional<Contact> find(UUID id, RecordScope scope) {
        Map<String, Object> params = new java.util.HashMap<>();
        String visible = scope.sql(null, params);
        return jdbc.sql("select " + COLUMNS + " from contacts where id = :id and " + visible)
                .params(params)
                .param("id", id)
                .query(this::contact)
                .optional();
    }

    Optional<Contact> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from contacts where id = :id")
                .param("id", id)
                .query(this::contact)
                .optional();
    }

    boolean moveToTrash(UUID id, UUID by) {
        return rows.moveToTrash(id, by);
    }

    boolean restore(UUID id, UUID by) {
        return rows.restore(id, by);
    }

    List<io.team365.contacts.WeekCount> newPerWeek(int weeks, RecordScope scope) {
        Map<String, Object> params = new java.util.HashMap<>();
        String visible = scope.sql("c", params);
        return jdbc.sql("""
                        with weeks as (
                            select generate_series(date_trunc('week', now()) - make_interval(weeks => :weeks - 1),
                                                   date_trunc('week', now()), interval '1 week') as week)
                        select weeks.week::date, count(c.id)
                        from weeks left join contacts c
                          on date_trunc('week', c.created_at) = weeks.week and c.deleted_at is null and %s
                        group by weeks.week order by weeks.week
                        """.formatted(visible))
                .params(params)
                .param("weeks", weeks)
                .query((rs, n) ->
                        new io.team365.contacts.WeekCount(rs.getDate(1).toLocalDate(), rs.getInt(2)))
                .list();
    }

    long count(RecordScope scope) {
        Map<String, Object> params = new java.util.HashMap<>();
        return jdbc.sql("select count(*) from contacts where deleted_at is null and " + scope.sql(null, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    List<Contact> list(String where, Map<String, Object> params, String orderBy, int limit) {
        return jdbc.sql("select " + COLUMNS + " from contacts where " + where + " order by " + orderBy
                        + " limit :limit")
                .params(params)
                .param("limit", limit)
                .query(this::contact)
                .list();
    }

    private Map<String, Object> fieldParams(ContactFields fields) {
        java.util.HashMap<String, Object> params = new java.util.HashMap<>();
        params.put("first", fields.firstName());
        params.put("last", fields.lastName());
        params.put("emails", json.writeValueAsString(fields.emails()));
        params.put("phones", json.writeValueAsString(fields.phones()));
        params.put("job", fields.jobTitle());
        params.put("company", fields.companyId());
        params.put("owner", fields.ownerId());
        params.put("tags", RecordRows.textArray(fields.tags()));
        params.put("source", fields.source());
        params.put("custom", json.writeValueAsString(fields.customFields()));
        params.put("address", json.writeValueAsString(fields.address()));
        params.put("links", json.writeValueAsString(fields.socialLinks()));
        return params;
    }

    private Contact contact(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        return new Contact(
                rs.getObject("id", UUID.class),
                rs.getString("first_name"),
                rs.getString("last_name"),
                json.readValue(rs.getString("emails"), new TypeReference<List<Contact.Email>>() {}),
                json.readValue(rs.getString("phones"), new TypeReference<List<Contact.Phone>>() {}),
                rs.getString("job_title"),
                rs.getObject("company_id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getString("source"),
                json.readValue(rs.getString("custom_fields"), new TypeReference<Map<String, Object>>() {}),
                json.readValue(rs.getString("address"), PostalAddress.class),
                json.readValue(rs.getString("social_links"), new TypeReference<List<SocialLink>>() {}),
                instant(rs.getTimestamp("created_at")),
                rs.getObject("created_by", UUID.class),
                instant(rs.getTimestamp("updated_at")),
                rs.getObject("updated_by", UUID.class),
                rs.getInt("version"),
                instant(rs.getTimestamp("deleted_at")));
    }
}
