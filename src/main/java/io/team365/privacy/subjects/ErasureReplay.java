package io.team365.privacy.subjects;

import io.team365.core.TenantId;
import io.team365.privacy.internal.ErasureOutcome;
import io.team365.privacy.internal.SubjectRecords;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.TenantTransactions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * "A restore replays erasures": contacts and leads whose email or phone is on the suppression list (brought back by
 * restoring a backup, or typed in again) are erased again, each Client in turn, and reported. Hashing happens in the
 * database, the same SHA-256 over the Client's id and the normalised identifier the suppression list stores.
 */
@Component
public class ErasureReplay {

    private static final Logger log = LoggerFactory.getLogger(ErasureReplay.class);

    /** A record's identifiers hashed as {@code SuppressionList.hashOf} does; {@code t} is the contact or lead. */
    private static final String SUPPRESSED = """
            exists (select 1 from jsonb_array_elements(t.emails) e join subject_suppressions s
                    on s.hash = encode(sha256(convert_to(t.tenant_id::text || ':' || lower(trim(e->>'address')), 'UTF8')), 'hex'))
            or exists (select 1 from jsonb_array_elements(t.phones) p join subject_suppressions s
                    on s.hash = encode(sha256(convert_to(t.tenant_id::text || ':'
                        || regexp_replace(p->>'number', '\\D', '', 'g'), 'UTF8')), 'hex')
                    where length(regexp_replace(p->>'number', '\\D', '', 'g')) >= 6)
            """;

    /** What a replay found and erased in one Client. */
    public record Report(TenantId tenant, int contacts, int leads, List<ErasureOutcome> erasures) {}

    private final ClientManagement clients;
    private final TenantTransactions tenants;
    private final JdbcClient jdbc;
    private final SubjectEngine engine;

    ErasureReplay(ClientManagement clients, TenantTransactions tenants, JdbcClient jdbc, SubjectEngine engine) {
        this.clients = clients;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.engine = engine;
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    public void replayAll() {
        for (TenantId tenant : clients.allIds()) {
            Report report;
            try {
                report = replay(tenant);
            } catch (RuntimeException e) {
                // one Client's failure must not keep the others' erasures from being replayed
                log.error("Replaying erasures failed in Client {}", tenant, e);
                continue;
            }
            if (report.contacts() + report.leads() > 0) {
                log.warn(
                        "Erased again in Client {}: {} contacts and {} leads whose identifiers had been erased",
                        tenant,
                        report.contacts(),
                        report.leads());
            }
        }
    }

    /** Finds the Client's records with suppressed identifiers and erases each subject again, in one transaction. */
    public Report replay(TenantId tenant) {
        return tenants.call(tenant, null, () -> {
            List<UUID> contacts = suppressed("contacts");
            List<UUID> leads = suppressed("leads");
            List<ErasureOutcome> erasures = new ArrayList<>();
            Set<UUID> done = new LinkedHashSet<>();
            for (UUID contact : contacts) {
                if (done.add(contact)) {
                    erasures.add(eraseAround(tenant, "contacts", contact, done));
                }
            }
            for (UUID lead : leads) {
                if (done.add(lead)) {
                    erasures.add(eraseAround(tenant, "leads", lead, done));
                }
            }
            return new Report(tenant, contacts.size(), leads.size(), erasures);
        });
    }

    private List<UUID> suppressed(String table) {
        return jdbc.sql("select t.id from " + table + " t where " + SUPPRESSED)
                .query(UUID.class)
                .list();
    }

    /**
     * The record that carries a suppressed identifier, erased again by itself: it is not widened to other records
     * sharing one of its addresses, so a replay never reaches beyond what was erased before.
     */
    private ErasureOutcome eraseAround(TenantId tenant, String table, UUID id, Set<UUID> done) {
        List<String> emails = jdbc.sql("select lower(e->>'address') from " + table
                        + " t, jsonb_array_elements(t.emails) e where t.id = :id")
                .param("id", id)
                .query(String.class)
                .list();
        boolean contact = table.equals("contacts");
        done.add(id);
        // a replay erases CRM records only: a member's account is never closed by a restore
        return engine.erase(
                tenant,
                new SubjectRecords(
                        emails, contact ? List.of(id) : List.of(), contact ? List.of() : List.of(id), List.of()),
                null);
    }
}
