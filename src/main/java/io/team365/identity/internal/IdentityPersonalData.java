package io.team365.identity.internal;

import static io.team365.core.personaldata.PersonalField.Category.*;
import static io.team365.core.personaldata.PersonalField.Erasure.*;
import static io.team365.core.personaldata.PersonalField.Retention.*;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/** The people who use Team365: their account, sign-ins, sessions, invitations and tokens. */
@Component
class IdentityPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "users", "email", CONTACT, "sign in and receive account mail", ACCOUNT_LIFETIME, ANONYMISE),
                PersonalField.of("users", "name", IDENTITY, "show who did what", ACCOUNT_LIFETIME, ANONYMISE),
                PersonalField.of(
                        "users",
                        "password_hash",
                        TECHNICAL,
                        "check the password (Argon2 hash, never the password)",
                        ACCOUNT_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "users", "locale", TECHNICAL, "show pages in the person's language", ACCOUNT_LIFETIME, DELETE),
                PersonalField.of(
                        "users",
                        "time_zone",
                        LOCATION,
                        "show times in the person's time zone",
                        ACCOUNT_LIFETIME,
                        DELETE),
                PersonalField.of("invitations", "email", CONTACT, "invite the person", SHORT_LIVED, DELETE),
                PersonalField.of(
                        "sign_in_attempts", "email", CONTACT, "throttle guessing at an account", SHORT_LIVED, DELETE),
                PersonalField.of(
                        "sign_in_attempts", "ip", TECHNICAL, "throttle guessing from an address", SHORT_LIVED, DELETE),
                PersonalField.of(
                        "spring_session", "principal_name", IDENTITY, "keep the person signed in", SHORT_LIVED, DELETE),
                PersonalField.of(
                        "api_tokens", "name", IDENTITY, "tell the person's tokens apart", ACCOUNT_LIFETIME, DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("api_tokens", "token_hash", "a SHA-256 hash of a random secret"),
                new NotPersonal("invitations", "role", "a role name"),
                new NotPersonal("invitations", "token_hash", "a SHA-256 hash of a random secret"),
                new NotPersonal("memberships", "role", "a role name"),
                new NotPersonal("spring_session_attributes", "attribute_name", "a session attribute's name"),
                new NotPersonal("teams", "name", "a team's name"),
                new NotPersonal("user_tokens", "purpose", "what a one-time link is for"),
                new NotPersonal("user_tokens", "token_hash", "a SHA-256 hash of a random secret"));
    }

    /** A person's own account and everything hanging off it; sessions are indexed by the user id as text. */
    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                new SubjectRows("users", "t.id = any(:userIds)", SubjectRows.Relation.OWNED),
                new SubjectRows("memberships", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED),
                new SubjectRows("team_members", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED),
                new SubjectRows("api_tokens", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED),
                new SubjectRows("user_tokens", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED),
                new SubjectRows(
                        "spring_session",
                        "t.principal_name = any(cast(:userIds as text[]))",
                        SubjectRows.Relation.OWNED),
                // platform-wide, with no row-level security: only ever the signed-in person's own attempts, never a
                // Client's request about an address (which would reach other Clients and reset the sign-in throttle)
                new SubjectRows(
                        "sign_in_attempts",
                        "t.email = any(:emails) and cardinality(:userIds) > 0",
                        SubjectRows.Relation.OWNED),
                new SubjectRows("invitations", "t.email = any(:emails)", SubjectRows.Relation.OWNED));
    }
}
