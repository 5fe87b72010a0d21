package io.team365.identity.internal.passkeys;

import static io.team365.core.personaldata.PersonalField.Category.*;
import static io.team365.core.personaldata.PersonalField.Erasure.*;
import static io.team365.core.personaldata.PersonalField.Retention.*;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A person's passkeys. The public key and attestation object (bytea) identify an authenticator, not the person; the
 * ids below are pseudonymous links to the account, kept while it exists and deleted with it.
 */
@Component
class PasskeyPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "passkey_users",
                        "user_handle",
                        TECHNICAL,
                        "name the person to their authenticators (random, not the user id)",
                        ACCOUNT_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "passkey_credentials",
                        "credential_id",
                        TECHNICAL,
                        "find the passkey an authenticator signs in with",
                        ACCOUNT_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "passkey_credentials",
                        "user_handle",
                        TECHNICAL,
                        "tell whose passkey signed in",
                        ACCOUNT_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "passkey_credentials",
                        "label",
                        IDENTITY,
                        "tell the person's passkeys apart (their own words, e.g. a device name)",
                        ACCOUNT_LIFETIME,
                        DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("passkey_credentials", "credential_type", "always 'public-key'"),
                new NotPersonal(
                        "passkey_credentials", "transports", "how an authenticator connects (usb, nfc, internal)"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                new SubjectRows("passkey_users", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED),
                new SubjectRows("passkey_credentials", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED));
    }
}
