package io.team365.deals.internal;

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

/** Deals are business, not people; the words people write about a deal may name someone. */
@Component
class DealPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "deals",
                        "name",
                        COMMUNICATION_CONTENT,
                        "name the deal (may name a person)",
                        RECORD_LIFETIME,
                        ANONYMISE),
                PersonalField.of(
                        "deals",
                        "won_reason",
                        COMMUNICATION_CONTENT,
                        "remember why the deal was won",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "deals",
                        "lost_reason",
                        COMMUNICATION_CONTENT,
                        "remember why the deal was lost",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "deals", "custom_fields", IDENTITY, "fields the Client defines", RECORD_LIFETIME, DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("deals", "currency", "a currency code"),
                new NotPersonal("deals", "status", "open, won or lost"),
                new NotPersonal("deals", "tags", "labels the Client chooses for deals"),
                new NotPersonal("pipelines", "name", "the name of a sales process"),
                new NotPersonal("pipeline_stages", "name", "the name of a sales stage"),
                new NotPersonal("pipeline_stages", "kind", "open, won or lost"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                // the links of deals to the subject: deleted
                new SubjectRows("deal_contacts", "t.contact_id = any(:contactIds)", LINKED),
                // deals about the subject among others, or named after them: their identifiers are scrubbed
                new SubjectRows(
                        "deals",
                        "exists (select 1 from deal_contacts d where d.deal_id = t.id and d.contact_id = any(:contactIds))"
                                + " or t.name ilike any(:patterns)",
                        LINKED));
    }
}
