package io.team365.mail.internal.flags;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import java.util.List;
import org.springframework.stereotype.Component;

/** The flag write-back's table (V52) holds ids, flags and a message key: nothing about a person. */
@Component
class MailFlagsPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of();
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(new NotPersonal("mail_flag_writes", "last_error", "a message key"));
    }
}
