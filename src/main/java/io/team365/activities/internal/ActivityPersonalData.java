package io.team365.activities.internal;

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

/** Tasks, calls, meetings and notes: what people wrote about the people they work with. */
@Component
class ActivityPersonalData implements PersonalDataDeclarations {

    /** An activity link to one of the subject's records ({@code l} is activity_links). */
    private static final String SUBJECT_LINK =
            "((l.record_type = 'contact' and l.record_id = any(:contactIds)) or (l.record_type = 'lead' and l.record_id = any(:leadIds)))";

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "activities",
                        "subject",
                        COMMUNICATION_CONTENT,
                        "say what the activity is about",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "activities",
                        "body",
                        COMMUNICATION_CONTENT,
                        "keep what was said or agreed",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "activities",
                        "body_text",
                        COMMUNICATION_CONTENT,
                        "the note's plain text, for search and snippets",
                        RECORD_LIFETIME,
                        DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("activities", "type", "task, call, meeting or note"),
                new NotPersonal("activity_links", "record_type", "the kind of record linked"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                // the links of activities to the subject: deleted
                new SubjectRows(
                        "activity_links",
                        "(t.record_type = 'contact' and t.record_id = any(:contactIds))"
                                + " or (t.record_type = 'lead' and t.record_id = any(:leadIds))",
                        LINKED),
                // an activity linked only to the subject's records is theirs
                new SubjectRows(
                        "activities",
                        "exists (select 1 from activity_links l where l.activity_id = t.id and " + SUBJECT_LINK + ")"
                                + " and not exists (select 1 from activity_links l where l.activity_id = t.id and not "
                                + SUBJECT_LINK + ")",
                        OWNED),
                // activities about the subject among others, or mentioning them
                new SubjectRows(
                        "activities",
                        "exists (select 1 from activity_links l where l.activity_id = t.id and " + SUBJECT_LINK + ")"
                                + " or t.subject ilike any(:patterns) or t.body_text ilike any(:patterns)",
                        LINKED));
    }
}
