package io.team365.privacy.internal;

import static io.team365.privacy.PersonalField.Category.COMMUNICATION_CONTENT;
import static io.team365.privacy.PersonalField.Erasure.DELETE;
import static io.team365.privacy.PersonalField.Retention.UNTIL_PROCESSED;

import io.team365.privacy.NotPersonal;
import io.team365.privacy.PersonalDataDeclarations;
import io.team365.privacy.PersonalField;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tables of the platform itself rather than of a module: the event publication registry. */
@Component
class PlatformPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(PersonalField.of(
                "event_publication",
                "serialized_event",
                COMMUNICATION_CONTENT,
                "hand a change (with its field history) to the modules that listen",
                UNTIL_PROCESSED,
                DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("event_publication", "event_type", "a class name"),
                new NotPersonal("event_publication", "listener_id", "a listener's name"),
                new NotPersonal("event_publication", "status", "a processing state"));
    }
}
