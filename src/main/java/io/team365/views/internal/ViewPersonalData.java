package io.team365.views.internal;

import static io.team365.core.personaldata.PersonalField.Category.*;
import static io.team365.core.personaldata.PersonalField.Erasure.*;
import static io.team365.core.personaldata.PersonalField.Retention.*;
import static io.team365.core.personaldata.SubjectRows.Relation.LINKED;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/** Saved list views: a person's search may hold a name. */
@Component
class ViewPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "saved_views",
                        "q",
                        COMMUNICATION_CONTENT,
                        "repeat the person's search",
                        ACCOUNT_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "saved_views",
                        "filters",
                        COMMUNICATION_CONTENT,
                        "repeat the person's filters (values may name someone)",
                        ACCOUNT_LIFETIME,
                        DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("saved_views", "name", "the view's name"),
                new NotPersonal("saved_views", "object", "the kind of record listed"),
                new NotPersonal("saved_views", "columns", "field names"),
                new NotPersonal("saved_views", "sort", "a field name"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                // views filtering on the subject's name, email or phone
                new SubjectRows(
                        "saved_views", "t.filters::text ilike any(:patterns) or t.q ilike any(:patterns)", LINKED));
    }
}
