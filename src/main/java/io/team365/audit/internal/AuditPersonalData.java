package io.team365.audit.internal;

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

/** The audit trail: who read or changed what, when, from where. */
@Component
class AuditPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of("audit_events", "actor_email", CONTACT, "account for who did it", AUDIT, ANONYMISE),
                PersonalField.of("audit_events", "ip", TECHNICAL, "account for where it came from", AUDIT, ANONYMISE),
                PersonalField.of(
                        "audit_events", "user_agent", TECHNICAL, "account for the device used", AUDIT, ANONYMISE),
                PersonalField.of(
                        "audit_events",
                        "details",
                        COMMUNICATION_CONTENT,
                        "what changed (may hold old values)",
                        AUDIT,
                        ANONYMISE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("audit_events", "action", "a fixed name of an action"),
                new NotPersonal("audit_events", "target_type", "the kind of record"),
                new NotPersonal("audit_events", "target_id", "a record's id"));
    }

    /**
     * Entries about the subject's records, and entries where the person acted. Exported in access packages; the trail
     * is append-only, so erasure leaves it (details hold ids and fixed words only).
     */
    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                new SubjectRows(
                        "audit_events",
                        "t.target_id = any(:recordIds) or t.details::text like any(:idPatterns)",
                        OWNED),
                new SubjectRows(
                        "audit_events",
                        "t.actor_id = any(:userIds) or t.actor_email = any(:emails)",
                        SubjectRows.Relation.LINKED));
    }
}
