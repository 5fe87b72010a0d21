package io.team365.api.internal;

import static io.team365.core.personaldata.PersonalField.Category.*;
import static io.team365.core.personaldata.PersonalField.Erasure.*;
import static io.team365.core.personaldata.PersonalField.Retention.*;
import static io.team365.core.personaldata.SubjectRows.Relation.OWNED;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/** Idempotency keys keep a create's answer for 24 hours, encrypted with the Client's key. */
@Component
class ApiPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(PersonalField.of(
                "idempotency_keys",
                "response_location",
                TECHNICAL,
                "answer a retried create the same way",
                SHORT_LIVED,
                DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("idempotency_keys", "key", "a client's retry key"),
                new NotPersonal("idempotency_keys", "request_hash", "a hash of the request"),
                new NotPersonal("idempotency_keys", "response_type", "a media type"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                // stored responses of creating the subject's records
                new SubjectRows("idempotency_keys", "t.response_location like any(:idPatterns)", OWNED));
    }
}
