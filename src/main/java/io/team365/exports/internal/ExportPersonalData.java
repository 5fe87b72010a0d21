package io.team365.exports.internal;

import static io.team365.core.personaldata.PersonalField.Category.TECHNICAL;
import static io.team365.core.personaldata.PersonalField.Erasure.DELETE;
import static io.team365.core.personaldata.PersonalField.Retention.SHORT_LIVED;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An export's row keeps the list's selection, whose search text may be a person's name; the file itself (outside
 * the database) holds the exported records and goes with the row: retention rule {@code exports.files}, and on
 * erasure every earlier export of the erased kind of record (see docs/privacy.md).
 */
@Component
class ExportPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(PersonalField.of(
                "exports",
                "filter",
                TECHNICAL,
                "repeat the list's selection an export was made of",
                SHORT_LIVED,
                DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("exports", "object", "a kind of record"),
                new NotPersonal("exports", "format", "a file format"),
                new NotPersonal("exports", "status", "a job status"),
                new NotPersonal("exports", "error", "a message key"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        // an export whose search or conditions name the subject
        return List.of(new SubjectRows("exports", "t.filter::text ilike any(:patterns)", SubjectRows.Relation.OWNED));
    }
}
