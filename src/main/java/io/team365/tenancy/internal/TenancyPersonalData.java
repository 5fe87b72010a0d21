package io.team365.tenancy.internal;

import static io.team365.core.personaldata.PersonalField.Category.*;
import static io.team365.core.personaldata.PersonalField.Erasure.*;
import static io.team365.core.personaldata.PersonalField.Retention.*;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import java.util.List;
import org.springframework.stereotype.Component;

/** The registry of Clients: organisations, named by themselves. */
@Component
class TenancyPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of();
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("clients", "name", "an organisation's name"),
                new NotPersonal("clients", "record_visibility", "all, own or team"));
    }
}
