package io.team365.operators.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.tenancy.TenantTransactions;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Runs an operator's read inside a Client that granted the scope, and writes it to that Client's audit trail with
 * the grant's id. Without a live grant for the scope nothing is read and the answer is 403.
 *
 * <p>While the read runs, the operator stands in the Client as a stand-in principal with an admin's record scope
 * (so record visibility settings do not hide records the Client meant to show); the console offers only reads.
 */
@Service
public class OperatorConsole {

    private final OperatorGrants grants;
    private final TenantTransactions tenants;
    private final AuditTrail audit;

    OperatorConsole(OperatorGrants grants, TenantTransactions tenants, AuditTrail audit) {
        this.grants = grants;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** What the operator may open in this Client now: the live grant of the scope, or 403. */
    public OperatorGrants.LiveGrant require(TenantId tenant, String scope) {
        return grants.live(tenant, scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    /**
     * Reads within the Client under the grant of {@code scope}; the audit entry ({@code action}, the grant id and
     * what {@code details} adds: counts and ids, never personal values) commits with the read.
     */
    public <T> T read(
            TenantId tenant,
            String scope,
            AuditTrail.Actor operator,
            String action,
            String targetType,
            String targetId,
            Supplier<T> read,
            Function<T, Map<String, ?>> details) {
        OperatorGrants.LiveGrant grant = require(tenant, scope);
        SignedInUser self = SignedInUser.require();
        SignedInUser standIn = self.inTenant(tenant, Role.ADMIN);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext inClient = SecurityContextHolder.createEmptyContext();
        inClient.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                standIn, null, java.util.List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
        SecurityContextHolder.setContext(inClient);
        try {
            return tenants.call(tenant, self.userId(), () -> {
                T result = read.get();
                Map<String, Object> recorded = new HashMap<>(details.apply(result));
                recorded.put("grant", grant.grantId().toString());
                recorded.put("scope", scope);
                audit.record(tenant, operator, action, targetType, targetId, recorded);
                return result;
            });
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
