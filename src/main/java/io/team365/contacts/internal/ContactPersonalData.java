package io.team365.contacts.internal;

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

/** The personal data of contacts: the people a Client does business with. */
@Component
class ContactPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of("contacts", "first_name", IDENTITY, "name the contact", RECORD_LIFETIME, DELETE),
                PersonalField.of("contacts", "last_name", IDENTITY, "name the contact", RECORD_LIFETIME, DELETE),
                PersonalField.of("contacts", "emails", CONTACT, "reach the contact", RECORD_LIFETIME, DELETE),
                PersonalField.of("contacts", "phones", CONTACT, "reach the contact", RECORD_LIFETIME, DELETE),
                PersonalField.of("contacts", "job_title", IDENTITY, "know the contact's role", RECORD_LIFETIME, DELETE),
                PersonalField.of("contacts", "address", LOCATION, "reach the contact by post", RECORD_LIFETIME, DELETE),
                PersonalField.of(
                        "contacts", "social_links", CONTACT, "reach the contact online", RECORD_LIFETIME, DELETE),
                PersonalField.of(
                        "contacts", "source", TECHNICAL, "know where the contact came from", RECORD_LIFETIME, DELETE),
                PersonalField.of(
                        "contacts", "tags", IDENTITY, "group contacts as the Client chooses", RECORD_LIFETIME, DELETE),
                PersonalField.of(
                        "contacts", "custom_fields", IDENTITY, "fields the Client defines", RECORD_LIFETIME, DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of();
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                // the subject's contact records, in the trash too
                new SubjectRows("contacts", "t.id = any(:contactIds)", OWNED));
    }
}
