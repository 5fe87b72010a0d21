package io.team365.operators.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.operators.OperatorGrant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Granting, revoking and checking operator access; grants are per Client, under its row-level security. */
@Service
public class OperatorGrants {

    /** The longest a grant may run: access is for a support case, not a standing arrangement. */
    public static final Duration LONGEST = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    OperatorGrants(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** A Client's admin lets operators in; {@code until} at most seven days ahead. */
    @Transactional
    public OperatorGrant grant(String scope, String reason, Instant until, AuditTrail.Actor actor) {
        SignedInUser admin = SignedInUser.require();
        Instant now = clock.instant();
        String cleanReason = reason == null ? "" : reason.strip();
        Validation check = Validation.start();
        if (scope == null || !OperatorGrant.SCOPES.contains(scope)) {
            check.reject("scope", "audit.operators.scope-invalid");
        }
        if (cleanReason.isEmpty()) {
            check.reject("reason", "audit.operators.reason-required");
        } else if (cleanReason.length() > 500 || cleanReason.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            check.reject("reason", "validation.too-long", 500);
        }
        if (until == null || !until.isAfter(now)) {
            check.reject("until", "audit.operators.until-past");
        } else if (until.isAfter(now.plus(LONGEST))) {
            check.reject("until", "audit.operators.until-too-far");
        }
        check.throwIfInvalid();
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into operator_grants (tenant_id, id, scope, reason, granted_by, granted_at, expires_at)
                        values (:tenant, :id, :scope, :reason, :by, :at, :until)
                        """)
                .param("tenant", admin.tenant().value())
                .param("id", id)
                .param("scope", scope)
                .param("reason", cleanReason)
                .param("by", admin.userId())
                .param("at", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .update();
        audit.record(
                admin.tenant(),
                actor,
                "operator.access-granted",
                "operator-grant",
                id.toString(),
                Map.of("scope", scope, "until", until.toString()));
        return find(id).orElseThrow();
    }

    @Transactional
    public OperatorGrant revoke(UUID id, AuditTrail.Actor actor) {
        SignedInUser admin = SignedInUser.require();
        int changed = jdbc.sql("""
                        update operator_grants set revoked_at = :at, revoked_by = :by
                        where id = :id and revoked_at is null
                        """)
                .param("id", id)
                .param("at", Timestamp.from(clock.instant()))
                .param("by", admin.userId())
                .update();
        OperatorGrant grant = find(id).orElseThrow(() -> new NotFound("operator-grant"));
        if (changed > 0) {
            audit.record(admin.tenant(), actor, "operator.access-revoked", "operator-grant", id.toString(), Map.of());
        }
        return grant;
    }

    /** The current Client's grants, newest first. */
    @Transactional(readOnly = true)
    public List<OperatorGrant> all() {
        return jdbc.sql("select * from operator_grants order by granted_at desc, id desc limit 200")
                .query(OperatorGrants::grant)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<OperatorGrant> find(UUID id) {
        return jdbc.sql("select * from operator_grants where id = :id")
                .param("id", id)
                .query(OperatorGrants::grant)
                .optional();
    }

    /** A Client that granted operators access now, as the console lists it. */
    public record LiveGrant(TenantId tenant, UUID grantId, String scope, Instant expiresAt, String clientName) {}

    /** Every live grant across Clients (ids, scope, times and the Client's name only), via the owner's function. */
    @Transactional(readOnly = true)
    public List<LiveGrant> live() {
        return jdbc.sql("select * from operator_live_grants(:at)")
                .param("at", Timestamp.from(clock.instant()))
                .query((rs, row) -> new LiveGrant(
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("id", UUID.class),
                        rs.getString("scope"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getString("client_name")))
                .list();
    }

    /** The live grant of the Client for the scope, if there is one now. */
    public Optional<LiveGrant> live(TenantId tenant, String scope) {
        return live().stream()
                .filter(g -> g.tenant().equals(tenant) && g.scope().equals(scope))
                .findFirst();
    }

    private static OperatorGrant grant(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new OperatorGrant(
                rs.getObject("id", UUID.class),
                rs.getString("scope"),
                rs.getString("reason"),
                rs.getObject("granted_by", UUID.class),
                rs.getTimestamp("granted_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                revoked == null ? null : revoked.toInstant(),
                rs.getObject("revoked_by", UUID.class));
    }
}
