package io.team365.search.internal;

import static io.team365.core.personaldata.PersonalField.Category.CONTACT;
import static io.team365.core.personaldata.PersonalField.Erasure.DELETE;
import static io.team365.core.personaldata.PersonalField.Retention.RECORD_LIFETIME;
import static io.team365.core.personaldata.SubjectRows.Relation.OWNED;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/** The search module keeps copies of emails and phones as keys; they live and die with their records. */
@Component
class SearchPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(PersonalField.of(
                "record_keys",
                "key",
                CONTACT,
                "find duplicates and exact search hits by email, phone or domain",
                RECORD_LIFETIME,
                DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("record_keys", "kind", "which kind of key (email, phone, domain)"),
                new NotPersonal("record_keys", "record_type", "the kind of record the key belongs to"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        // derived from the records by triggers; deleted with them, and here too so a package lists them
        return List.of(
                new SubjectRows("record_keys", "t.record_id = any(:contactIds) or t.record_id = any(:leadIds)", OWNED));
    }
}
