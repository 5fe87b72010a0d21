package io.team365.leads.internal;

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

/** The personal data of leads: people who may become customers. */
@Component
class LeadPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of("leads", "first_name", IDENTITY, "name the lead", RECORD_LIFETIME, DELETE),
                PersonalField.of("leads", "last_name", IDENTITY, "name the lead", RECORD_LIFETIME, DELETE),
                PersonalField.of("leads", "emails", CONTACT, "reach the lead", RECORD_LIFETIME, DELETE),
                PersonalField.of("leads", "phones", CONTACT, "reach the lead", RECORD_LIFETIME, DELETE),
                PersonalField.of("leads", "job_title", IDENTITY, "know the lead's role", RECORD_LIFETIME, DELETE),
                PersonalField.of(
                        "leads", "company_name", IDENTITY, "know where the lead works", RECORD_LIFETIME, DELETE),
                PersonalField.of(
                        "leads", "source", TECHNICAL, "know where the lead came from", RECORD_LIFETIME, DELETE),
                PersonalField.of(
                        "leads", "tags", IDENTITY, "group leads as the Client chooses", RECORD_LIFETIME, DELETE),
                PersonalField.of(
                        "leads",
                        "unqualified_reason",
                        COMMUNICATION_CONTENT,
                        "remember why the lead was not pursued",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "leads", "custom_fields", IDENTITY, "fields the Client defines", RECORD_LIFETIME, DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(new NotPersonal("leads", "status", "one of a fixed set of words"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                // the subject's leads, in the trash too
                new SubjectRows("leads", "t.id = any(:leadIds)", OWNED));
    }
}
