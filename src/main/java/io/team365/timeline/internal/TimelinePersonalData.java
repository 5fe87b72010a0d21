package io.team365.timeline.internal;

import static io.team365.core.personaldata.PersonalField.Category.*;
import static io.team365.core.personaldata.PersonalField.Erasure.*;
import static io.team365.core.personaldata.PersonalField.Retention.*;
import static io.team365.core.personaldata.SubjectRows.Relation.LINKED;
import static io.team365.core.personaldata.SubjectRows.Relation.OWNED;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/** The timeline: who changed a record, and the field history with its old values. */
@Component
class TimelinePersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "timeline_entries", "actor_name", IDENTITY, "show who did it", RECORD_LIFETIME, ANONYMISE),
                PersonalField.of(
                        "timeline_entries",
                        "changes",
                        COMMUNICATION_CONTENT,
                        "show what a field was and became",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "timeline_entries",
                        "summary",
                        COMMUNICATION_CONTENT,
                        "name what was added to the record",
                        RECORD_LIFETIME,
                        DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("timeline_entries", "kind", "a fixed name of what happened"),
                new NotPersonal("timeline_entries", "record_type", "the kind of record"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                // the history of the subject's records
                new SubjectRows(
                        "timeline_entries",
                        "(t.record_type = 'contact' and t.record_id = any(:contactIds))"
                                + " or (t.record_type = 'lead' and t.record_id = any(:leadIds))",
                        OWNED),
                // entries on other records that mention the subject
                new SubjectRows(
                        "timeline_entries",
                        "t.summary ilike any(:patterns) or t.actor_name ilike any(:patterns)"
                                + " or t.changes::text ilike any(:patterns) or t.changes::text like any(:idPatterns)",
                        LINKED));
    }
}
