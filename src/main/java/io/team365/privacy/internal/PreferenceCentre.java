package io.team365.privacy.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.privacy.Consent;
import io.team365.privacy.ConsentPurpose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the subject holding a preference link does: sees where their consent stands, changes it, unsubscribes from
 * everything, and has the objection their browser signals (Sec-GPC, DNT) recorded. Callers bind the link's Client
 * first (the subject is not signed in; row-level security still applies). Every entry names how it was made and
 * carries the evidence; nothing is written when nothing changes.
 */
@Service
public class PreferenceCentre {

    /** The purposes a browser's privacy signal objects to: sharing with partners, and tracking. */
    public static final List<String> SIGNAL_PURPOSES = List.of("partner-sharing", "email-tracking");

    private static final AuditTrail.Actor SUBJECT = new AuditTrail.Actor(null, "data subject", null, null);

    /** A purpose as the subject sees it; {@code granted} null when they were never asked. */
    public record PurposeState(ConsentPurpose purpose, Boolean granted) {}

    private final ConsentLedger ledger;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    PreferenceCentre(ConsentLedger ledger, JdbcClient jdbc, AuditTrail audit) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The offered purposes and their state, or empty when the contact no longer exists (erased). */
    @Transactional
    public Optional<List<PurposeState>> view(TenantId tenant, UUID contact) {
        if (!exists(contact)) {
            return Optional.empty();
        }
        Map<String, Consent> current = current(contact);
        return Optional.of(ledger.activePurposes(tenant).stream()
                .map(p -> new PurposeState(
                        p, current.containsKey(p.key()) ? current.get(p.key()).granted() : null))
                .toList());
    }

    /**
     * A browser signal seen with a valid link: the subject objects to sharing and tracking. Recorded once per purpose
     * and only where not already withdrawn, so a later explicit choice of the subject's own stands.
     *
     * @return how many entries were written
     */
    @Transactional
    public int applySignal(TenantId tenant, UUID contact, String signal, Map<String, Object> evidence) {
        if (!exists(contact)) {
            return 0;
        }
        Map<String, Consent> current = current(contact);
        Map<String, Object> withSignal = new LinkedHashMap<>(evidence);
        withSignal.put("signal", signal);
        int written = 0;
        for (ConsentPurpose purpose : ledger.purposes(tenant)) {
            if (!SIGNAL_PURPOSES.contains(purpose.key())) {
                continue;
            }
            Consent now = current.get(purpose.key());
            if ((now != null && !now.granted()) || ledger.signalRecorded(contact, purpose.key())) {
                continue;
            }
            append(tenant, contact, purpose.key(), false, "browser-signal", withSignal);
            written++;
        }
        return written;
    }

    /**
     * A visit's writes in one transaction: the browser's signal first, then the subject's own choices (which therefore
     * stand), or the withdrawal of everything. Bad input writes nothing at all.
     *
     * @return how many entries were written, or -1 when the contact no longer exists
     */
    @Transactional
    public int submit(
            TenantId tenant,
            UUID contact,
            String signal,
            Map<String, Boolean> choices,
            boolean unsubscribeAll,
            Map<String, Object> evidence) {
        if (!exists(contact)) {
            return -1;
        }
        int written = signal == null ? 0 : applySignal(tenant, contact, signal, evidence);
        if (unsubscribeAll) {
            return written + unsubscribeAll(tenant, contact, "preference-centre", evidence);
        }
        return written + change(tenant, contact, choices, evidence);
    }

    /**
     * The subject's choices on the page, for the purposes it showed; only changes are written.
     *
     * @throws InvalidInput naming a purpose that is not offered (nothing is written)
     */
    @Transactional
    public int change(TenantId tenant, UUID contact, Map<String, Boolean> choices, Map<String, Object> evidence) {
        Map<String, ConsentPurpose> offered = ledger.activePurposes(tenant).stream()
                .collect(Collectors.toMap(ConsentPurpose::key, Function.identity()));
        List<String> unknown = choices.keySet().stream()
                .filter(key -> !offered.containsKey(key))
                .toList();
        if (!unknown.isEmpty()) {
            throw InvalidInput.of("purpose", "preferences.unknown-purpose");
        }
        Map<String, Consent> current = current(contact);
        int written = 0;
        for (Map.Entry<String, Boolean> choice : choices.entrySet()) {
            Consent now = current.get(choice.getKey());
            boolean was = now != null && now.granted();
            if (was == choice.getValue()) { // never asked shows as not ticked: leaving it so is no choice
                continue;
            }
            append(tenant, contact, choice.getKey(), choice.getValue(), "preference-centre", evidence);
            written++;
        }
        return written;
    }

    /**
     * Withdraws every marketing purpose not already withdrawn, archived ones included (the subject wants no more of
     * any of it); a second call writes nothing.
     */
    @Transactional
    public int unsubscribeAll(TenantId tenant, UUID contact, String method, Map<String, Object> evidence) {
        if (!exists(contact)) {
            return 0;
        }
        Map<String, Consent> current = current(contact);
        List<String> withdrawn = new ArrayList<>();
        for (ConsentPurpose purpose : ledger.purposes(tenant)) {
            Consent now = current.get(purpose.key());
            if (purpose.marketing() && (now == null || now.granted())) {
                append(tenant, contact, purpose.key(), false, method, evidence);
                withdrawn.add(purpose.key());
            }
        }
        return withdrawn.size();
    }

    public boolean exists(UUID contact) {
        // the registry's reading of another module's table by id, as erasure and access packages do
        return jdbc.sql("select exists (select 1 from contacts where id = :id)")
                .param("id", contact)
                .query(Boolean.class)
                .single();
    }

    private Map<String, Consent> current(UUID contact) {
        return ledger.current(contact).stream().collect(Collectors.toMap(Consent::purpose, Function.identity()));
    }

    private void append(
            TenantId tenant,
            UUID contact,
            String purpose,
            boolean granted,
            String method,
            Map<String, Object> evidence) {
        ledger.append(tenant, contact, purpose, granted, method, null, evidence, null);
        audit.record(
                tenant,
                SUBJECT,
                granted ? "consent.granted" : "consent.withdrawn",
                "contact",
                contact.toString(),
                Map.of("purpose", purpose, "method", method));
    }
}
