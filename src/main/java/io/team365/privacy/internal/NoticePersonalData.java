package io.team365.privacy.internal;

import static io.team365.core.personaldata.PersonalField.Category.TECHNICAL;
import static io.team365.core.personaldata.PersonalField.Erasure.DELETE;
import static io.team365.core.personaldata.PersonalField.Retention.ACCOUNT_LIFETIME;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/** Policy and notice versions (published texts), and who accepted or was mailed about which. */
@Component
class NoticePersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "policy_acceptances",
                        "ip_hash",
                        TECHNICAL,
                        "prove where an acceptance came from (SHA-256 of the address)",
                        ACCOUNT_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "notice_acceptances",
                        "ip_hash",
                        TECHNICAL,
                        "prove where an acceptance came from (SHA-256 of the address)",
                        ACCOUNT_LIFETIME,
                        DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        String published = "a published, public privacy text written for everyone";
        return List.of(
                new NotPersonal("privacy_policy_versions", "version", "a version label"),
                new NotPersonal("privacy_policy_versions", "summary", published),
                new NotPersonal("privacy_policy_versions", "body", published),
                new NotPersonal("privacy_notice_versions", "version", "a version label"),
                new NotPersonal("privacy_notice_versions", "summary", published),
                new NotPersonal("privacy_notice_versions", "body", published),
                new NotPersonal("policy_acceptances", "version", "a version label"),
                new NotPersonal("notice_acceptances", "version", "a version label"),
                new NotPersonal("policy_mailings", "version", "a version label"),
                new NotPersonal("notice_mailings", "version", "a version label"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                new SubjectRows("policy_acceptances", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED),
                new SubjectRows("notice_acceptances", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED),
                new SubjectRows("policy_mailings", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED),
                new SubjectRows("notice_mailings", "t.user_id = any(:userIds)", SubjectRows.Relation.OWNED));
    }
}
