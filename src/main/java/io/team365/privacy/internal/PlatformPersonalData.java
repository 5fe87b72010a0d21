package io.team365.privacy.internal;

import static io.team365.core.personaldata.PersonalField.Category.COMMUNICATION_CONTENT;
import static io.team365.core.personaldata.PersonalField.Category.TECHNICAL;
import static io.team365.core.personaldata.PersonalField.Erasure.DELETE;
import static io.team365.core.personaldata.PersonalField.Retention.RECORD_LIFETIME;
import static io.team365.core.personaldata.PersonalField.Retention.UNTIL_PROCESSED;
import static io.team365.core.personaldata.SubjectRows.Relation.LINKED;
import static io.team365.core.personaldata.SubjectRows.Relation.OWNED;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/** The event publication registry, and the privacy module's own tables: consent, and where values came from. */
@Component
class PlatformPersonalData implements PersonalDataDeclarations {

    /** A serialized event naming one of the subject's records, or this Client and one of their identifiers. */
    private static final String MENTIONS =
            "t.serialized_event like any(:idPatterns) or (t.serialized_event like '%' || :tenantId || '%'"
                    + " and t.serialized_event ilike any(:patterns))";

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "event_publication",
                        "serialized_event",
                        COMMUNICATION_CONTENT,
                        "hand a change (with its field history) to the modules that listen",
                        UNTIL_PROCESSED,
                        DELETE),
                PersonalField.of(
                        "consent_events",
                        "evidence",
                        TECHNICAL,
                        "prove how and when consent was given (hashed IP, user agent, page)",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "consent_events",
                        "policy_version",
                        TECHNICAL,
                        "prove which notice the person saw",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "value_sources",
                        "detail",
                        TECHNICAL,
                        "show where a value came from (a channel, an import file's name, a connected account)",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "value_source_imports",
                        "detail",
                        TECHNICAL,
                        "show which import file a record's values came from",
                        RECORD_LIFETIME,
                        DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("event_publication", "event_type", "a class name"),
                new NotPersonal("event_publication", "listener_id", "a listener's name"),
                new NotPersonal("event_publication", "status", "a processing state"),
                new NotPersonal("consent_events", "purpose", "a purpose's key"),
                new NotPersonal("consent_events", "method", "how consent was given: a fixed word"),
                new NotPersonal("consent_purposes", "key", "a purpose's key"),
                new NotPersonal("consent_purposes", "label", "a purpose's name"),
                new NotPersonal("consent_purposes", "description", "what a purpose means"),
                new NotPersonal(
                        "subject_suppressions",
                        "hash",
                        "a one-way SHA-256 of an erased identifier, kept so imports and restores do not bring it back"),
                new NotPersonal("subject_suppressions", "kind", "email or phone"),
                new NotPersonal("processing_restrictions", "record_type", "contact or lead"),
                new NotPersonal("value_sources", "record_type", "a kind of record: a fixed word"),
                new NotPersonal("value_sources", "field", "a field's name"),
                new NotPersonal("value_sources", "source", "where a value came from: a fixed word"),
                new NotPersonal("value_source_imports", "record_type", "a kind of record: a fixed word"),
                new NotPersonal("value_source_imports", "fields", "the names of the fields an import set"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                // the subject's consent history
                new SubjectRows("consent_events", "t.contact_id = any(:contactIds)", OWNED),
                // delivered events about the subject: only a log, deleted
                new SubjectRows("event_publication", "t.completion_date is not null and (" + MENTIONS + ")", OWNED),
                // events still to be delivered: kept, the subject scrubbed
                new SubjectRows("event_publication", "t.completion_date is null and (" + MENTIONS + ")", LINKED),
                // the subject's restriction
                new SubjectRows(
                        "processing_restrictions",
                        "(t.record_type = 'contact' and t.record_id = any(:contactIds))"
                                + " or (t.record_type = 'lead' and t.record_id = any(:leadIds))",
                        OWNED),
                // the subject's objection
                new SubjectRows("subject_objections", "t.contact_id = any(:contactIds)", OWNED),
                // the sources of their contact's and lead's values
                new SubjectRows(
                        "value_sources", "t.record_id = any(:contactIds) or t.record_id = any(:leadIds)", OWNED),
                new SubjectRows(
                        "value_source_imports",
                        "t.record_id = any(:contactIds) or t.record_id = any(:leadIds)",
                        OWNED));
    }
}
