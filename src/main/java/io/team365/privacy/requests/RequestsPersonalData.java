package io.team365.privacy.requests;

import static io.team365.core.personaldata.PersonalField.Category.COMMUNICATION_CONTENT;
import static io.team365.core.personaldata.PersonalField.Category.CONTACT;
import static io.team365.core.personaldata.PersonalField.Erasure.ANONYMISE;
import static io.team365.core.personaldata.PersonalField.Retention.AUDIT;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The data-subject request tables. A request is kept as proof that the right was honoured, so erasure anonymises it
 * (the address becomes {@code subject_hash}, see {@link RequestExecution}) instead of deleting it. Codes and packages
 * hold no text columns; they are deleted when the subject is erased, when they expire, or with their request.
 */
@Component
class RequestsPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "privacy_requests",
                        "subject_email",
                        CONTACT,
                        "know whose request it is and answer them",
                        AUDIT,
                        ANONYMISE),
                PersonalField.of(
                        "privacy_requests",
                        "details",
                        COMMUNICATION_CONTENT,
                        "what the subject asked for, in their words",
                        AUDIT,
                        ANONYMISE),
                PersonalField.of(
                        "privacy_requests",
                        "outcome_note",
                        COMMUNICATION_CONTENT,
                        "prove what was corrected for a rectification",
                        AUDIT,
                        ANONYMISE),
                PersonalField.of(
                        "privacy_requests",
                        "refusal_reason",
                        COMMUNICATION_CONTENT,
                        "prove why a request was refused (sent to the subject)",
                        AUDIT,
                        ANONYMISE),
                PersonalField.of(
                        "privacy_request_history",
                        "reason",
                        COMMUNICATION_CONTENT,
                        "prove why a step was taken (an extension's reason is sent to the subject)",
                        AUDIT,
                        ANONYMISE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("privacy_requests", "type", "which right: a fixed word"),
                new NotPersonal("privacy_requests", "status", "a processing state"),
                new NotPersonal("privacy_requests", "channel", "how the request came in: a fixed word"),
                new NotPersonal(
                        "privacy_requests",
                        "subject_hash",
                        "a one-way hash of an erased subject's address, kept as proof the erasure was done"),
                new NotPersonal("privacy_requests", "status_token_hash", "the hash of a random link secret"),
                new NotPersonal("privacy_request_history", "action", "a step's name: a fixed word"),
                new NotPersonal("privacy_request_history", "from_status", "a processing state"),
                new NotPersonal("privacy_request_history", "to_status", "a processing state"),
                new NotPersonal("privacy_request_history", "actor", "user, subject or system: a fixed word"),
                new NotPersonal("privacy_request_codes", "code_hash", "the hash of a random one-time code"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                new SubjectRows("privacy_requests", "t.subject_email = any(:emails)", SubjectRows.Relation.OWNED));
    }
}
