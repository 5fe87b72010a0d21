package io.team365.mail.internal.limiteduse;

import static io.team365.core.personaldata.PersonalField.Category.CONTACT;
import static io.team365.core.personaldata.PersonalField.Erasure.DELETE;
import static io.team365.core.personaldata.PersonalField.Retention.RECORD_LIFETIME;
import static io.team365.core.personaldata.SubjectRows.Relation.LINKED;
import static io.team365.core.personaldata.SubjectRows.Relation.OWNED;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The V47 columns, and which mail rows are about a data subject: every message that names them (from, to, cc, bcc),
 * found through the participants table's index, is theirs to receive in an access package and is deleted whole on
 * erasure (with its attachments, locations and links; the blobs go with the sweep); the links of their records; the
 * drafts addressed to them.
 */
@Component
class MailLimitedUsePersonalData implements PersonalDataDeclarations {

    /** Messages naming one of the subject's addresses; an index lookup per address under row-level security. */
    static final String MESSAGES_OF_SUBJECT = "t.id in (select p.message_id from mail_participants p"
            + " where p.tenant_id = t.tenant_id and p.address = any(:emails))";

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "mail_participants",
                        "address",
                        CONTACT,
                        "link mail to records and find a person's mail",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "mail_participants",
                        "domain",
                        CONTACT,
                        "link mail to companies by domain",
                        RECORD_LIFETIME,
                        DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("mail_participants", "role", "from, to, cc or bcc"),
                new NotPersonal(
                        "mail_orphan_blobs", "storage_key", "a Client id and content hash naming a stored blob"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                new SubjectRows("mail_messages", MESSAGES_OF_SUBJECT, OWNED),
                new SubjectRows("mail_participants", "t.address = any(:emails)", OWNED),
                new SubjectRows(
                        "mail_links",
                        "(t.record_type = 'contact' and t.record_id = any(:contactIds))"
                                + " or (t.record_type = 'lead' and t.record_id = any(:leadIds))",
                        LINKED),
                new SubjectRows(
                        "mail_drafts",
                        "exists (select 1 from jsonb_array_elements(t.to_addresses || t.cc_addresses"
                                + " || t.bcc_addresses) e where lower(e ->> 'address') = any(:emails))",
                        OWNED));
    }
}
