package io.team365.duplicates.internal;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/** The duplicates module keeps ids only: which pairs of records are not duplicates. */
@Component
class DuplicatesPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of();
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(new NotPersonal("duplicate_dismissals", "record_type", "a fixed word: contact or company"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of();
    }
}
