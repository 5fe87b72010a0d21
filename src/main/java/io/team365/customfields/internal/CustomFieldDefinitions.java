package io.team365.customfields.internal;

import io.team365.customfields.CustomField;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomFieldDefinitions {

    private static final String COLUMNS = "id, object, key, label, type, options, required";

    private final JdbcClient jdbc;

    CustomFieldDefinitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CustomField> of(String object) {
        return jdbc.sql("select " + COLUMNS
                        + " from custom_fields where (cast(:object as text) is null or object = :object)"
                        + " order by object, created_at")
                .param("object", object)
                .query(CustomFieldDefinitions::field)
                .list();
    }

    Optional<CustomField> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from custom_fields where id = :id")
                .param("id", id)
                .query(CustomFieldDefinitions::field)
                .optional();
    }

    void insert(UUID tenant, CustomField field) {
        jdbc.sql("insert into custom_fields (tenant_id, id, object, key, label, type, options, required)"
                        + " values (:tenant, :id, :object, :key, :label, :type, :options, :required)")
                .param("tenant", tenant)
                .param("id", field.id())
                .param("object", field.object())
                .param("key", field.key())
                .param("label", field.label())
                .param("type", field.type().value())
                .param("options", field.options().toArray(String[]::new))
                .param("required", field.required())
                .update();
    }

    void update(CustomField field) {
        jdbc.sql("update custom_fields set label = :label, options = :options, required = :required where id = :id")
                .param("label", field.label())
                .param("options", field.options().toArray(String[]::new))
                .param("required", field.required())
                .param("id", field.id())
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from custom_fields where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private static CustomField field(ResultSet rs, int row) throws SQLException {
        Array options = rs.getArray("options");
        return new CustomField(
                rs.getObject("id", UUID.class),
                rs.getString("object"),
                rs.getString("key"),
                rs.getString("label"),
                CustomField.Type.parse(rs.getString("type")).orElseThrow(),
                options == null ? List.of() : Arrays.asList((String[]) options.getArray()),
                rs.getBoolean("required"));
    }
}
