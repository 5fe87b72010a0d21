package io.team365.privacy;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.privacy.internal.ConsentLedger;
import io.team365.privacy.internal.PurposeStore;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a Client asks consent for, edited by its admins: a purpose's key never changes (the ledger refers to it), its
 * label and description do; a purpose is archived rather than deleted, so the ledger's history keeps its meaning.
 */
@Service
public class ConsentPurposes {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,49}");

    /** A new purpose; {@code marketing} null means yes. */
    public record NewPurpose(String key, String label, String description, Boolean marketing) {}

    /** A change: null leaves a value as it is. */
    public record PurposeChange(String label, String description, Boolean marketing, Boolean archived) {}

    private final ConsentLedger ledger;
    private final PurposeStore store;
    private final AuditTrail audit;
    private final SubjectObjections objections;

    ConsentPurposes(ConsentLedger ledger, PurposeStore store, AuditTrail audit, SubjectObjections objections) {
        this.ledger = ledger;
        this.store = store;
        this.audit = audit;
        this.objections = objections;
    }

    /** Every purpose, archived ones included (flagged), in the order they were made. */
    @Transactional
    public List<ConsentPurpose> list() {
        return ledger.purposes(SignedInUser.require().tenant());
    }

    @Transactional
    public ConsentPurpose add(NewPurpose input, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        ledger.purposes(user.tenant()); // the defaults first, so a new Client's first purpose does not replace them
        Validation check = Validation.start();
        String key = input.key() == null ? "" : input.key().strip();
        if (!KEY.matcher(key).matches()) {
            check.reject("key", "consent.purposes.key-invalid");
        }
        String label = check.text("label", input.label(), 100);
        String description = description(check, input.description());
        check.throwIfInvalid();
        boolean marketing = input.marketing() == null || input.marketing();
        if (!store.insert(user.tenant(), key, label, description, marketing)) {
            throw new Conflict("key", "consent.purposes.key-taken");
        }
        audit.record(user.tenant(), actor, "consent.purpose-added", "consent-purpose", key, Map.of());
        if (marketing) {
            // people who objected to marketing and tracking start withdrawn from every new such purpose
            objections.purposeAdded(user.tenant(), key);
        }
        return find(key);
    }

    @Transactional
    public ConsentPurpose change(String key, PurposeChange change, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        ledger.purposes(user.tenant());
        ConsentPurpose current = find(key);
        Validation check = Validation.start();
        String label = change.label() == null ? current.label() : check.text("label", change.label(), 100);
        String description =
                change.description() == null ? current.description() : description(check, change.description());
        check.throwIfInvalid();
        boolean marketing = change.marketing() == null ? current.marketing() : change.marketing();
        boolean archived = change.archived() == null ? current.archived() : change.archived();
        store.update(key, label, description, marketing, archived);
        String action = archived == current.archived()
                ? "consent.purpose-changed"
                : archived ? "consent.purpose-archived" : "consent.purpose-restored";
        audit.record(user.tenant(), actor, action, "consent-purpose", key, Map.of());
        return find(key);
    }

    private ConsentPurpose find(String key) {
        return ledger.purposes(SignedInUser.require().tenant()).stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new NotFound("consent purpose"));
    }

    /** Optional: blank means none. */
    private static String description(Validation check, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > 500) {
            check.reject("description", "validation.too-long", 500);
        } else if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            check.reject("description", "validation.control-characters", 500);
        }
        return text;
    }
}
