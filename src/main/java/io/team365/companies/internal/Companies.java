package io.team365.companies.internal;

import static io.team365.core.database.RecordRows.instant;

import io.team365.companies.Company;
import io.team365.companies.CompanyFields;
import io.team365.core.TenantId;
import io.team365.core.database.RecordRows;
import io.team365.identity.RecordScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads and writes {@code companies}; row-level security keeps every statement inside the bound Client. */
@Repository
class Companies {

    static final String COLUMNS = "id, name, domain, industry, size, address_street, address_city, address_region,"
            + " address_postal_code, address_country, phone, website, owner_id, tags, custom_fields, created_at,"
            + " created_by, updated_at, updated_by, version, deleted_at";

    private final JdbcClient jdbc;
    private final RecordRows rows;
    private final ObjectMapper json;

    Companies(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.rows = new RecordRows(jdbc, CompanyRecords.TABLE);
        this.json = json;
    }

    void insert(TenantId tenant, UUID id, CompanyFields fields, UUID by) {
        jdbc.sql("""
                        insert into companies (tenant_id, id, name, domain, industry, size, address_street,
                            address_city, address_region, address_postal_code, address_country, phone, website,
                            owner_id, tags, custom_fields, created_by, updated_by)
                        values (:tenant, :id, :name, :domain, :industry, :size, :street, :city, :region, :postal,
                            :country, :phone, :website, :owner, cast(:tags as text[]), cast(:custom as jsonb),
                            :by, :by)
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .params(fieldParams(fields))
                .param("by", by)
                .update();
    }

    /** Applies the fields if the stored version is still {@code expectedVersion}; false if someone was faster. */
    boolean update(UUID id, CompanyFields fields, int expectedVersion, UUID by) {
        return rows.update("""
                name = :name, domain = :domain, industry = :industry, size = :size,
                address_street = :street, address_city = :city, address_region = :region,
                address_postal_code = :postal, address_country = :country, phone = :phone,
                website = :website, owner_id = :owner, tags = cast(:tags as text[]),
                custom_fields = cast(:custom as jsonb)
                """, fieldParams(fields), id, expectedVersion, by);
    }

    /** The company, in the trash or not, if the scope includes it. */
    Optional<Company> find(UUID id, RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        String visible = scope.sql(null, params);
        return jdbc.sql("select " + COLUMNS + " from companies where id = :id and " + visible)
                .params(params)
                .param("id", id)
                .query(this::company)
                .optional();
    }

    Optional<Company> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from companies where id = :id")
                .param("id", id)
                .query(this::company)
                .optional();
    }

    /** The names of those of {@code ids} the scope includes, in the trash or not. */
    Map<UUID, String> names(Collection<UUID> ids, RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        String visible = scope.sql(null, params);
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from companies where id = any(:ids) and " + visible)
                .params(params)
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
                .list()
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    boolean moveToTrash(UUID id, UUID by) {
        return rows.moveToTrash(id, by);
    }

    boolean restore(UUID id, UUID by) {
        return rows.restore(id, by);
    }

    long count(RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from companies where deleted_at is null and " + scope.sql(null, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    List<Company> list(String where, Map<String, Object> params, String orderBy, int limit) {
        return jdbc.sql("select " + COLUMNS + " from companies where " + where + " order by " + orderBy
                        + " limit :limit")
                .params(params)
                .param("limit", limit)
                .query(this::company)
                .list();
    }

    private Map<String, Object> fieldParams(CompanyFields fields) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", fields.name());
        params.put("domain", fields.domain());
        params.put("industry", fields.industry());
        params.put("size", fields.size());
        params.put("street", fields.address().street());
        params.put("city", fields.address().city());
        params.put("region", fields.address().region());
        params.put("postal", fields.address().postalCode());
        params.put("country", fields.address().country());
        params.put("phone", fields.phone());
        params.put("website", fields.website());
        params.put("owner", fields.ownerId());
        params.put("tags", RecordRows.textArray(fields.tags()));
        params.put("custom", json.writeValueAsString(fields.customFields()));
        return params;
    }

    private Company company(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        return new Company(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("domain"),
                rs.getString("industry"),
                rs.getString("size"),
                new Company.Address(
                        rs.getString("address_street"),
                        rs.getString("address_city"),
                        rs.getString("address_region"),
                        rs.getString("address_postal_code"),
                        rs.getString("address_country")),
                rs.getString("phone"),
                rs.getString("website"),
                rs.getObject("owner_id", UUID.class),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                json.readValue(rs.getString("custom_fields"), new TypeReference<Map<String, Object>>() {}),
                instant(rs.getTimestamp("created_at")),
                rs.getObject("created_by", UUID.class),
                instant(rs.getTimestamp("updated_at")),
                rs.getObject("updated_by", UUID.class),
                rs.getInt("version"),
                instant(rs.getTimestamp("deleted_at")));
    }
}
