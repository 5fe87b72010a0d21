package io.team365.privacy;

import io.team365.audit.AuditTrail;
import io.team365.core.NotFound;
import io.team365.core.PublicUrls;
import io.team365.core.RecordLinks;
import io.team365.core.TenantId;
import io.team365.identity.SignedInUser;
import io.team365.privacy.internal.PreferenceTokens;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact's links to manage their consent, for every module that mails people (campaigns, events) and for Clients'
 * own mail: the preference centre, the one-click unsubscribe, and the RFC 8058 headers that go with it. The links
 * carry a secret that expires after a year; making a new one does not revoke older ones.
 */
@Service
public class PreferenceLinks {

    /** The links for one contact, and the headers a marketing email to them carries. */
    public record Links(String preferenceUrl, String unsubscribeUrl, Instant expiresAt) {

        /** {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} (RFC 8058 one-click). */
        public Map<String, String> headers() {
            return Map.of(
                    "List-Unsubscribe",
                    "<" + unsubscribeUrl + ">",
                    "List-Unsubscribe-Post",
                    "List-Unsubscribe=One-Click");
        }
    }

    private final PreferenceTokens tokens;
    private final PublicUrls urls;
    private final RecordLinks records;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    PreferenceLinks(
            PreferenceTokens tokens, PublicUrls urls, RecordLinks records, AuditTrail audit, java.time.Clock clock) {
        this.tokens = tokens;
        this.urls = urls;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** For mail sent by the system (a campaign run): no check of who asks, the caller works for {@code tenant}. */
    public Links of(TenantId tenant, UUID contactId) {
        String token = tokens.issue(tenant, contactId);
        return new Links(
                urls.link("/preferences/" + token),
                urls.link("/unsubscribe/" + token),
                clock.instant().plus(PreferenceTokens.LIFETIME));
    }

    /** For a person handing the link on: the contact must be one they may see; the issue is audited. */
    @Transactional
    public Links forContact(UUID contactId, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        if (records.find("contact", contactId).isEmpty()) {
            throw new NotFound("contact");
        }
        audit.record(user.tenant(), actor, "consent.preference-link-issued", "contact", contactId.toString(), Map.of());
        return of(user.tenant(), contactId);
    }
}
