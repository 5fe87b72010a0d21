package io.team365.identity.internal.mfa;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Two-factor authentication: the sealed authenticator secret (bytea), hashed recovery codes and failed attempts,
 * all about one person and deleted with their account (foreign keys cascade). The sessions list keeps, in the
 * session itself (spring_session_attributes, bytea), a device summary ("Firefox on Windows"), the sign-in method and
 * time: never the raw User-Agent or the address; it goes when the session ends.
 */
@Component
class MfaPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of();
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(new NotPersonal(
                "user_recovery_codes", "code_hash", "a SHA-256 hash of a random one-time recovery code"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                new SubjectRows("user_totp", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED),
                new SubjectRows("user_recovery_codes", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED),
                new SubjectRows("mfa_failures", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED));
    }
}
