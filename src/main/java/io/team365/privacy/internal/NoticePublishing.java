package io.team365.privacy.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.privacy.NoticeVersion;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes a new version of a Client's notice with its audit line; the checks are the caller's. */
@Component
public class NoticePublishing {

    private final NoticeVersions versions;
    private final AuditTrail audit;
    private final Clock clock;

    NoticePublishing(NoticeVersions versions, AuditTrail audit, Clock clock) {
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public NoticeVersion publish(
            SignedInUser user,
            String body,
            LocalDate effectiveOn,
            boolean material,
            String summary,
            AuditTrail.Actor actor) {
        NoticeVersion version = new NoticeVersion(
                versions.nextNoticeLabel(user.tenant()), effectiveOn, material, summary, body, clock.instant());
        versions.insertNotice(user.tenant(), version, user.userId());
        audit.record(
                user.tenant(),
                actor,
                "privacy-notice.published",
                "privacy-notice",
                version.version(),
                Map.of("effectiveOn", effectiveOn.toString(), "material", material));
        return version;
    }

    /** Text of several lines: required, at most {@code max} characters, no control characters but line breaks and tabs. */
    public static String multiline(Validation check, String field, String value, int max) {
        String text = value == null ? "" : value.strip().replace("\r\n", "\n");
        if (text.isEmpty()) {
            check.reject(field, "validation.required");
        } else if (text.length() > max) {
            check.reject(field, "validation.too-long", max);
        } else if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            check.reject(field, "validation.control-characters", max);
        }
        return text;
    }
}
