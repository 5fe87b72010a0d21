package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalField;
import org.junit.jupiter.api.Test;

/** A declaration without a purpose, or a "not personal" without a reason, is refused when the module starts. */
class PersonalFieldTests {

    @Test
    void aPersonalFieldNeedsAPurposeAndANotPersonalColumnAReason() {
        assertThatThrownBy(() -> PersonalField.of(
                        "contacts",
                        "first_name",
                        PersonalField.Category.IDENTITY,
                        " ",
                        PersonalField.Retention.RECORD_LIFETIME,
                        PersonalField.Erasure.DELETE))
                .hasMessageContaining("purpose");
        assertThatThrownBy(() -> new NotPersonal("deals", "currency", "")).hasMessageContaining("why");
    }
}
