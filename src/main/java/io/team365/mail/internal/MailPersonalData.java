package io.team365.mail.internal;

import static io.team365.core.personaldata.PersonalField.Category.COMMUNICATION_CONTENT;
import static io.team365.core.personaldata.PersonalField.Category.CONTACT;
import static io.team365.core.personaldata.PersonalField.Category.IDENTITY;
import static io.team365.core.personaldata.PersonalField.Erasure.DELETE;
import static io.team365.core.personaldata.PersonalField.Retention.ACCOUNT_LIFETIME;
import static io.team365.core.personaldata.PersonalField.Retention.AUDIT;
import static io.team365.core.personaldata.PersonalField.Retention.RECORD_LIFETIME;
import static io.team365.core.personaldata.PersonalField.Retention.UNTIL_SENT;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Mail is communication content end to end: the messages synced from a connected mailbox (and from Google, under the
 * Limited Use rules), what users write, and the accounts' settings. Messages live as long as the account is
 * connected and the user keeps them; disconnecting can delete them, and erasing a subject deletes theirs.
 */
@Component
class MailPersonalData implements PersonalDataDeclarations {

    private static final String SHOW = "show the user their own mail in the mail client and on linked records";

    @Override
    public List<PersonalField> personalFields() {
        List<PersonalField> fields = new ArrayList<>();
        fields.add(PersonalField.of(
                "mail_accounts", "email", CONTACT, "connect the user's mailbox", ACCOUNT_LIFETIME, DELETE));
        fields.add(PersonalField.of(
                "mail_accounts", "display_name", IDENTITY, "sign the user's outgoing mail", ACCOUNT_LIFETIME, DELETE));
        fields.add(PersonalField.of(
                "mail_accounts", "username", IDENTITY, "sign in to the user's mail server", ACCOUNT_LIFETIME, DELETE));
        fields.add(PersonalField.of(
                "mail_accounts",
                "signature_html",
                COMMUNICATION_CONTENT,
                "sign the user's mail",
                ACCOUNT_LIFETIME,
                DELETE));
        fields.add(PersonalField.of(
                "mail_blocklist", "pattern", CONTACT, "never sync mail from these people", ACCOUNT_LIFETIME, DELETE));
        fields.add(PersonalField.of("mail_folders", "name", COMMUNICATION_CONTENT, SHOW, RECORD_LIFETIME, DELETE));
        fields.add(PersonalField.of("mail_threads", "subject", COMMUNICATION_CONTENT, SHOW, RECORD_LIFETIME, DELETE));
        for (String column : List.of(
                "message_id",
                "in_reply_to",
                "references",
                "subject",
                "from_address",
                "from_name",
                "to_addresses",
                "cc_addresses",
                "bcc_addresses",
                "reply_to",
                "snippet",
                "body_text",
                "body_html")) {
            fields.add(PersonalField.of("mail_messages", column, COMMUNICATION_CONTENT, SHOW, RECORD_LIFETIME, DELETE));
        }
        fields.add(PersonalField.of(
                "mail_attachments", "file_name", COMMUNICATION_CONTENT, SHOW, RECORD_LIFETIME, DELETE));
        fields.add(PersonalField.of(
                "mail_attachments",
                "storage_key",
                COMMUNICATION_CONTENT,
                "find the stored attachment, which erasure deletes",
                RECORD_LIFETIME,
                DELETE));
        fields.add(PersonalField.of(
                "mail_attachments", "content_id", COMMUNICATION_CONTENT, SHOW, RECORD_LIFETIME, DELETE));
        for (String column :
                List.of("to_addresses", "cc_addresses", "bcc_addresses", "subject", "body_html", "attachments")) {
            fields.add(PersonalField.of(
                    "mail_drafts",
                    column,
                    COMMUNICATION_CONTENT,
                    "keep what the user is writing",
                    RECORD_LIFETIME,
                    DELETE));
        }
        fields.add(PersonalField.of(
                "mail_outgoing", "message_id", COMMUNICATION_CONTENT, "thread the sent message", UNTIL_SENT, DELETE));
        fields.add(PersonalField.of(
                "mail_operator_approvals",
                "operator",
                IDENTITY,
                "account for which operator was let read which message",
                AUDIT,
                DELETE));
        fields.add(PersonalField.of(
                "mail_operator_approvals",
                "reason",
                COMMUNICATION_CONTENT,
                "account for why an operator read a message",
                AUDIT,
                DELETE));
        return fields;
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("mail_accounts", "provider", "a kind of mail service"),
                new NotPersonal("mail_accounts", "imap_host", "a mail server's host name"),
                new NotPersonal("mail_accounts", "imap_security", "a connection security mode"),
                new NotPersonal("mail_accounts", "smtp_host", "a mail server's host name"),
                new NotPersonal("mail_accounts", "smtp_security", "a connection security mode"),
                new NotPersonal("mail_accounts", "sharing", "a visibility setting"),
                new NotPersonal("mail_accounts", "status", "a connection status"),
                new NotPersonal("mail_accounts", "last_error", "a message key"),
                new NotPersonal("mail_accounts", "lease_owner", "a server's name"),
                new NotPersonal("mail_folders", "role", "a folder's special use"),
                new NotPersonal("mail_messages", "direction", "inbound or outbound"),
                new NotPersonal("mail_messages", "source", "the kind of mailbox the message came from"),
                new NotPersonal("mail_attachments", "content_type", "a media type"),
                new NotPersonal("mail_attachments", "sha256", "a checksum of the content"),
                new NotPersonal("mail_links", "record_type", "a kind of record"),
                new NotPersonal("mail_drafts", "mode", "new, reply or forward"),
                new NotPersonal("mail_outgoing", "status", "a sending status"),
                new NotPersonal("mail_outgoing", "last_error", "a message key"));
    }
}
