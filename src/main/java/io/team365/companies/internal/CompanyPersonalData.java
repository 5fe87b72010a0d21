package io.team365.companies.internal;

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

/** Companies are organisations, but a sole trader's company is a person: its contact details count as personal data. */
@Component
class CompanyPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "companies",
                        "name",
                        IDENTITY,
                        "name the organisation (a sole trader's is a person's name)",
                        RECORD_LIFETIME,
                        ANONYMISE),
                PersonalField.of("companies", "phone", CONTACT, "reach the organisation", RECORD_LIFETIME, DELETE),
                PersonalField.of(
                        "companies",
                        "address_street",
                        LOCATION,
                        "reach the organisation by post",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "companies",
                        "address_city",
                        LOCATION,
                        "reach the organisation by post",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "companies",
                        "address_region",
                        LOCATION,
                        "reach the organisation by post",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "companies",
                        "address_postal_code",
                        LOCATION,
                        "reach the organisation by post",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "companies", "custom_fields", IDENTITY, "fields the Client defines", RECORD_LIFETIME, DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("companies", "domain", "an organisation's web domain"),
                new NotPersonal("companies", "website", "an organisation's web address"),
                new NotPersonal("companies", "industry", "a kind of business"),
                new NotPersonal("companies", "size", "one of a fixed set of ranges"),
                new NotPersonal("companies", "address_country", "a country code"),
                new NotPersonal("companies", "tags", "labels the Client chooses for organisations"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                // an organisation named after the subject (a sole trader) or giving their phone
                new SubjectRows(
                        "companies",
                        "t.name ilike any(:patterns) or t.phone ilike any(:patterns) or t.custom_fields::text ilike any(:patterns)",
                        LINKED));
    }
}
