package io.team365.privacy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of Team365's privacy policy or of a Client's privacy notice. A material change is mailed to the people
 * it affects and must be accepted from {@code effectiveOn}; other changes are only published.
 */
public record NoticeVersion(
        String version, LocalDate effectiveOn, boolean material, String summary, String body, Instant publishedAt) {}
