package io.team365.activities.internal;

import static io.team365.core.personaldata.PersonalField.Category.*;
import static io.team365.core.personaldata.PersonalField.Erasure.*;
import static io.team365.core.personaldata.PersonalField.Retention.*;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tasks, calls, meetings and notes: what people wrote about the people they work with. */
@Component
class ActivityPersonalData implements PersonalDataDeclarations {

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
}
