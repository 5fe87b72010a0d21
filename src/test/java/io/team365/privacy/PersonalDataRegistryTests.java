package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.IntegrationTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ARCHITECTURE.md data rule 4: every column that can hold text (text, varchar, jsonb, arrays of text) is declared
 * as personal data or as not personal, so a new field cannot silently escape erasure and export.
 */
class PersonalDataRegistryTests extends IntegrationTest {

    @Autowired
    PersonalDataRegistry registry;

    @Test
    void everyTextColumnIsDeclaredPersonalOrNot() {
        List<String> textColumns = jdbc.sql("""
                        select table_name || '.' || column_name from information_schema.columns
                        where table_schema = 'public' and table_name <> 'flyway_schema_history'
                          and (data_type in ('text', 'character varying', 'jsonb', 'json')
                               or (data_type = 'ARRAY' and udt_name in ('_text', '_varchar')))
                          and is_generated = 'NEVER'
                        order by 1
                        """).query(String.class).list();
        Set<String> declared = registry.declaredColumns();
        assertThat(textColumns).as("the schema has text columns").hasSizeGreaterThan(50);
        assertThat(textColumns.stream().filter(c -> !declared.contains(c)).toList())
                .as("text columns declared neither personal nor not personal")
                .isEmpty();
        assertThat(declared.stream().filter(d -> !textColumns.contains(d)).toList())
                .as("declarations of columns that do not exist (renamed or dropped?)")
                .isEmpty();
    }
}
