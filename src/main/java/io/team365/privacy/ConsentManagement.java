package io.team365.privacy;

import io.team365.audit.AuditTrail;
import io.team365.core.NotFound;
import io.team365.core.RecordLinks;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.privacy.internal.ConsentLedger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent ledger: recording that a contact granted or withdrew consent for a purpose, and reading where their
 * consent stands. The ledger is append-only (the database refuses updates), so the history is the evidence.
 */
@Service
public class ConsentManagement {

    public static final Set<String> METHODS = Set.of("form", "import", "preference-centre", "api");
    private static final Set<String> EVIDENCE = Set.of("time", "page", "ipHash", "userAgent", "basis", "note");

    private final ConsentLedger ledger;
    private final RecordLinks records;
    private final AuditTrail audit;

    ConsentManagement(ConsentLedger ledger, RecordLinks records, AuditTrail audit) {
        this.ledger = ledger;
        this.records = records;
        this.audit = audit;
    }

    @Transactional
    public List<ConsentPurpose> purposes() {
        return ledger.purposes(SignedInUser.require().tenant());
    }

    /** Appends an entry; the contact must be one the caller may see, the purpose one of the Client's. */
    @Transactional
    public Consent record(
            UUID contactId,
            String purpose,
            Boolean granted,
            String method,
            String policyVersion,
            Map<String, Object> evidence,
            AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Validation check = Validation.start();
        if (contactId == null || records.find("contact", contactId).isEmpty()) {
            check.reject("contactId", "consent.contact");
        }
        List<ConsentPurpose> all = ledger.purposes(user.tenant());
        List<String> purposes = all.stream().map(ConsentPurpose::key).toList();
        if (purpose == null || !purposes.contains(purpose)) {
            check.reject("purpose", "consent.purpose", String.join(", ", purposes));
        } else if (Boolean.TRUE.equals(granted)
                && all.stream().anyMatch(p -> p.key().equals(purpose) && p.archived())) {
            // an archived purpose is no longer asked for; withdrawing it still is recorded
            check.reject("purpose", "consent.purposes.archived-refused");
        }
        if (granted == null) {
            check.reject("granted", "validation.required");
        }
        if (method == null || !METHODS.contains(method)) {
            check.reject("method", "consent.method");
        }
        if (policyVersion != null && (policyVersion.isBlank() || policyVersion.length() > 50)) {
            check.reject("policyVersion", "validation.too-long", 50);
        }
        Map<String, Object> kept = evidence == null ? Map.of() : evidence;
        kept.forEach((key, value) -> {
            if (!EVIDENCE.contains(key) || !(value instanceof String text) || text.length() > 500) {
                check.reject("evidence." + key, "consent.evidence");
            }
        });
        check.throwIfInvalid();
        Consent recorded =
                ledger.append(user.tenant(), contactId, purpose, granted, method, policyVersion, kept, user.userId());
        audit.record(
                user.tenant(),
                actor,
                granted ? "consent.granted" : "consent.withdrawn",
                "contact",
                contactId.toString(),
                Map.of("purpose", purpose, "method", method));
        return recorded;
    }

    /**
     * Records, for an import, that each of the contacts gave consent for the purpose as the importing person stated
     * (method {@code import}, the basis and the file in the evidence): one ledger entry per contact, one statement.
     * A contact who withdrew consent for the purpose gets no entry: an import never revives a withdrawal. The purpose
     * was checked when the import started; runs in the caller's transaction, bound to {@code tenant}.
     */
    @Transactional
    public int recordImported(
            io.team365.core.TenantId tenant,
            String purpose,
            java.util.Collection<UUID> contactIds,
            String note,
            UUID by) {
        Map<String, Object> evidence = note == null
                ? Map.of("basis", "consent")
                : Map.of("basis", "consent", "note", note.length() > 500 ? note.substring(0, 500) : note);
        return ledger.grantUnlessWithdrawn(tenant, contactIds, purpose, "import", evidence, by);
    }

    /** The keys of the Client's purposes that are still offered (for checking an import's consent basis). */
    @Transactional
    public List<String> activePurposeKeys(io.team365.core.TenantId tenant) {
        return ledger.activePurposes(tenant).stream().map(ConsentPurpose::key).toList();
    }

    /** Where the contact's consent stands per purpose (the newest entry of each), and the whole history. */
    @Transactional
    public ConsentState of(UUID contactId) {
        if (records.find("contact", contactId).isEmpty()) {
            throw new NotFound("contact");
        }
        return new ConsentState(ledger.current(contactId), ledger.history(contactId));
    }

    public record ConsentState(List<Consent> current, List<Consent> history) {}
}
