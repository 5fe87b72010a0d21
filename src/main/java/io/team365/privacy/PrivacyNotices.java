package io.team365.privacy;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.privacy.internal.NoticePublishing;
import io.team365.privacy.internal.NoticeVersions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team365's privacy policy and each Client's privacy notice, versioned with an effective date. Consent records name
 * the version shown ({@link #currentVersion}); a material change is mailed to the people it affects and must be
 * accepted at their next sign-in from its effective date. Dates are UTC days.
 */
@Service
public class PrivacyNotices {

    public static final int MAX_BODY = 100_000;
    public static final int MAX_SUMMARY = 1_000;

    private final NoticeVersions versions;
    private final NoticePublishing publishing;
    private final Clock clock;

    PrivacyNotices(NoticeVersions versions, NoticePublishing publishing, Clock clock) {
        this.versions = versions;
        this.publishing = publishing;
        this.clock = clock;
    }

    /** The label of the Client's notice in effect today, if it has published one; needs the tenant bound. */
    @Transactional(readOnly = true)
    public Optional<String> currentVersion(TenantId tenant) {
        return versions.noticeInEffect(tenant, today()).map(NoticeVersion::version);
    }

    /** The label of Team365's policy in effect today. */
    @Transactional(readOnly = true)
    public Optional<String> currentPolicyVersion() {
        return versions.policyInEffect(today()).map(NoticeVersion::version);
    }

    @Transactional(readOnly = true)
    public List<NoticeVersion> noticeHistory(TenantId tenant) {
        return versions.noticeHistory(tenant);
    }

    @Transactional(readOnly = true)
    public List<NoticeVersion> policyHistory() {
        return versions.policyHistory();
    }

    /**
     * Publishes a new version of the signed-in admin's Client's notice: text, effective date (today or later),
     * material or not, and a summary of what changed. Audited; a material change is then mailed by a job.
     */
    @Transactional
    public NoticeVersion publish(
            String body, String effectiveOn, boolean material, String summary, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Validation check = Validation.start();
        String text = NoticePublishing.multiline(check, "body", body, MAX_BODY);
        String changes = NoticePublishing.multiline(check, "summary", summary, MAX_SUMMARY);
        LocalDate effective = null;
        try {
            effective = effectiveOn == null || effectiveOn.isBlank() ? null : LocalDate.parse(effectiveOn.strip());
            if (effective == null) {
                check.reject("effectiveOn", "validation.required");
            } else if (effective.isBefore(today())) {
                check.reject("effectiveOn", "policies.notice.effective-past");
            } else if (effective.isAfter(today().plusYears(1))) {
                check.reject("effectiveOn", "policies.notice.effective-far");
            }
        } catch (java.time.format.DateTimeParseException e) {
            check.reject("effectiveOn", "policies.notice.effective-format");
        }
        check.throwIfInvalid();
        return publishing.publish(user, text, effective, material, changes, actor);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
