package io.team365.mail.internal.sync;

import static io.team365.core.personaldata.PersonalField.Category.COMMUNICATION_CONTENT;
import static io.team365.core.personaldata.PersonalField.Erasure.DELETE;
import static io.team365.core.personaldata.PersonalField.Retention.RECORD_LIFETIME;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import java.util.List;
import org.springframework.stereotype.Component;

/** The sync's own column (V45): the Message-IDs a message refers to, which belong to its mail like the rest. */
@Component
class MailSyncPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(PersonalField.of(
                "mail_message_refs",
                "referenced_id",
                COMMUNICATION_CONTENT,
                "join replies to the conversation they answer",
                RECORD_LIFETIME,
                DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of();
    }
}
