package io.team365.notifications.internal;

import static io.team365.core.personaldata.PersonalField.Category.*;
import static io.team365.core.personaldata.PersonalField.Erasure.*;
import static io.team365.core.personaldata.PersonalField.Retention.*;

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

    /** Mail written to the person. */
    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(new SubjectRows("outbound_emails", "t.recipient = any(:emails)", SubjectRows.Relation.OWNED));
    }
}
