package io.team365.identity.internal.sso;

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
 * Single sign-on: what a provider told us about a person, kept with its source (registration and issuer) as the
 * privacy policy says, and removed with the link or the account. A Client's provider settings are about no one.
 */
@Component
class SsoPersonalData implements PersonalDataDeclarations {

    private static final String SIGN_IN = "sign the person in through the provider they linked";

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of("sso_identities", "subject", IDENTITY, SIGN_IN, ACCOUNT_LIFETIME, DELETE),
                PersonalField.of("sso_identities", "subject_key", TECHNICAL, SIGN_IN, ACCOUNT_LIFETIME, DELETE),
                PersonalField.of(
                        "sso_identities",
                        "email",
                        CONTACT,
                        "link the identity to the account with the address the provider verified",
                        ACCOUNT_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "sso_identities",
                        "name",
                        IDENTITY,
                        "show the person which identity is linked",
                        ACCOUNT_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "sso_identities",
                        "picture_url",
                        IDENTITY,
                        "show the person which identity is linked",
                        ACCOUNT_LIFETIME,
                        DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("sso_identities", "registration_id", "the name of a sign-in provider"),
                new NotPersonal("sso_identities", "issuer", "the address of a sign-in provider"),
                new NotPersonal("sso_client_providers", "issuer", "the address of the Client's sign-in provider"),
                new NotPersonal("sso_client_providers", "client_id", "the Client's application id at its provider"),
                new NotPersonal("sso_client_providers", "authorization_uri", "a provider's endpoint address"),
                new NotPersonal("sso_client_providers", "token_uri", "a provider's endpoint address"),
                new NotPersonal("sso_client_providers", "jwk_set_uri", "a provider's endpoint address"),
                new NotPersonal("sso_client_providers", "user_info_uri", "a provider's endpoint address"));
    }

    /** A person's links go with their account (also by the foreign key's cascade when the account is deleted). */
    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(new SubjectRows("sso_identities", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED));
    }
}
