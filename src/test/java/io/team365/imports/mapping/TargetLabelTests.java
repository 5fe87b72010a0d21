package io.team365.imports.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.imports.ImportObject;
import io.team365.imports.internal.mapping.TargetFields;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every field a column can be mapped to has a name for the mapping step, so no key is ever shown to a person. */
class TargetLabelTests {

    @Test
    void everyStandardTargetOfEveryObjectHasAName() throws Exception {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/imports.properties")) {
            messages.load(in);
        }
        for (ImportObject object : ImportObject.values()) {
            for (String target : TargetFields.of(object)) {
                assertThat(messages.getProperty("imports.target." + target))
                        .as(object + " " + target)
                        .isNotBlank()
                        .isNotEqualTo(target);
            }
        }
    }
}
