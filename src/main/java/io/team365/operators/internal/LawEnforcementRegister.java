package io.team365.operators.internal;

import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.operators.LawEnforcementRequest;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team365's platform register of law-enforcement requests (operators only): who asked, when, on what legal basis,
 * for what, about which Client, what was decided and whether anything was disclosed. Entries are never deleted.
 */
@Service
public class LawEnforcementRegister {

    private final JdbcClient jdbc;
    private final Clock clock;

    LawEnforcementRegister(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What an operator typed into the form, unchecked. */
    public record Draft(
            String authority,
            String receivedOn,
            String legalBasis,
            String scope,
            String clientId,
            String decision,
            boolean disclosed,
            String notes) {}

    @Transactional
    public LawEnforcementRequest record(Draft draft) {
        Validation check = Validation.start();
        String authority = check.text("authority", draft.authority(), 200);
        String legalBasis = check.text("legalBasis", draft.legalBasis(), 500);
        String scope = draft.scope() == null ? "" : draft.scope().strip();
        if (scope.isEmpty()) {
            check.reject("scope", "validation.required");
        } else if (scope.length() > 2000) {
            check.reject("scope", "validation.too-long", 2000);
        }
        String notes = draft.notes() == null || draft.notes().isBlank()
                ? null
                : draft.notes().strip();
        if (notes != null && notes.length() > 4000) {
            check.reject("notes", "validation.too-long", 4000);
        }
        LocalDate received = null;
        try {
            received = LocalDate.parse(
                    draft.receivedOn() == null ? "" : draft.receivedOn().strip());
            if (received.isAfter(
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1))) {
                check.reject("receivedOn", "audit.operators.register.received-future");
            }
        } catch (DateTimeParseException e) {
            check.reject("receivedOn", "audit.operators.register.received-invalid");
        }
        if (draft.decision() == null || !LawEnforcementRequest.DECISIONS.contains(draft.decision())) {
            check.reject("decision", "audit.operators.register.decision-invalid");
        }
        UUID client = null;
        if (draft.clientId() != null && !draft.clientId().isBlank()) {
            try {
                client = UUID.fromString(draft.clientId().strip());
            } catch (IllegalArgumentException e) {
                check.reject("clientId", "audit.operators.register.client-invalid");
            }
        }
        if (client != null && !clientExists(client)) {
            check.reject("clientId", "audit.operators.register.client-invalid");
        }
        check.throwIfInvalid();
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into law_enforcement_requests (id, authority, received_on, legal_basis, scope, client_id,
                            decision, disclosed, notes, recorded_by, recorded_at)
                        values (:id, :authority, :received, :basis, :scope, :client, :decision, :disclosed, :notes,
                            :by, :at)
                        """)
                .param("id", id)
                .param("authority", authority)
                .param("received", Date.valueOf(received))
                .param("basis", legalBasis)
                .param("scope", scope)
                .param("client", client)
                .param("decision", draft.decision())
                .param("disclosed", draft.disclosed())
                .param("notes", notes)
                .param("by", SignedInUser.require().userId())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return find(id).orElseThrow(() -> new NotFound("law-enforcement-request"));
    }

    /** Client ids are checked through the owner's function: the operator is not bound to that Client. */
    private boolean clientExists(UUID client) {
        return Boolean.TRUE.equals(jdbc.sql("select client_exists(:id)")
                .param("id", client)
                .query(Boolean.class)
                .single());
    }

    @Transactional(readOnly = true)
    public List<LawEnforcementRequest> all() {
        return jdbc.sql("select * from law_enforcement_requests order by received_on desc, id desc limit 500")
                .query(LawEnforcementRegister::request)
                .list();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<LawEnforcementRequest> find(UUID id) {
        return jdbc.sql("select * from law_enforcement_requests where id = :id")
                .param("id", id)
                .query(LawEnforcementRegister::request)
                .optional();
    }

    private static LawEnforcementRequest request(ResultSet rs, int row) throws SQLException {
        return new LawEnforcementRequest(
                rs.getObject("id", UUID.class),
                rs.getString("authority"),
                rs.getDate("received_on").toLocalDate(),
                rs.getString("legal_basis"),
                rs.getString("scope"),
                rs.getObject("client_id", UUID.class),
                rs.getString("decision"),
                rs.getBoolean("disclosed"),
                rs.getString("notes"),
                rs.getObject("recorded_by", UUID.class),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
