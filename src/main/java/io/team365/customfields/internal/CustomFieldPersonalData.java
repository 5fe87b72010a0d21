package io.team365.customfields.internal;

import static io.team365.core.personaldata.PersonalField.Category.*;
import static io.team365.core.personaldata.PersonalField.Erasure.*;
import static io.team365.core.personaldata.PersonalField.Retention.*;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import java.util.List;
import org.springframework.stereotype.Component;

/** Custom field definitions: names of fields, not values (the values are declared with each record). */
@Component
class CustomFieldPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of();
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("custom_fields", "key", "a field's key"),
                new NotPersonal("custom_fields", "label", "a field's label"),
                new NotPersonal("custom_fields", "object", "the kind of record"),
                new NotPersonal("custom_fields", "type", "a field's type"),
                new NotPersonal("custom_fields", "options", "a select field's choices"));
    }
}
