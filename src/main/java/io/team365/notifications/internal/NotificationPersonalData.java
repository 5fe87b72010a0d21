package io.team365.notifications.internal;

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

/** Outgoing mail: the recipient and what was written to them, until sent. */
@Component
class NotificationPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of("outbound_emails", "recipient", CONTACT, "deliver the message", UNTIL_SENT, DELETE),
                PersonalField.of(
                        "outbound_emails", "subject", COMMUNICATION_CONTENT, "deliver the message", UNTIL_SENT, DELETE),
                PersonalField.of(
                        "outbound_emails",
                        "body_text",
                        COMMUNICATION_CONTENT,
                        "deliver the message",
                        UNTIL_SENT,
                        DELETE),
                PersonalField.of(
                        "outbound_emails",
                        "body_html",
                        COMMUNICATION_CONTENT,
                        "deliver the message",
                        UNTIL_SENT,
                        DELETE),
                PersonalField.of(
                        "outbound_emails",
                        "last_error",
                        TECHNICAL,
                        "retry a failed delivery (the server's answer may name the recipient)",
                        UNTIL_SENT,
                        DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("outbound_emails", "kind", "a fixed kind of message"),
                new NotPersonal("outbound_emails", "status", "queued, sent or failed"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                // mail addressed to the subject
                new SubjectRows("outbound_emails", "lower(t.recipient) = any(:emails)", OWNED),
                // mail to others that names the subject
                new SubjectRows(
                        "outbound_emails",
                        "t.subject ilike any(:patterns) or t.body_text ilike any(:patterns)"
                                + " or t.body_html ilike any(:patterns)",
                        LINKED));
    }
}
