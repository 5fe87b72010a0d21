package io.team365.identity.internal;

import io.team365.core.TenantId;
import io.team365.identity.Membership;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.sso.SsoPolicy;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Which Client a person works in: the one used last at sign-in, any of theirs on switching. */
@Component
public class WorkspaceSelector {

    private final Memberships memberships;
    private final ClientManagement clients;
    private final TransactionTemplate transaction;
    private final SsoPolicy ssoPolicy;

    WorkspaceSelector(
            Memberships memberships,
            ClientManagement clients,
            PlatformTransactionManager transactions,
            SsoPolicy ssoPolicy) {
        this.ssoPolicy = ssoPolicy;
        this.memberships = memberships;
        this.clients = clients;
        this.transaction = new TransactionTemplate(transactions);
    }

    List<TenantId> tenantsOf(UUID userId) {
        return TenantContext.callAs(null, userId, () -> memberships.ofUser(userId)).stream()
                .map(Memberships.Row::tenant)
                .toList();
    }

    List<Membership> membershipsOf(UUID userId) {
        List<Memberships.Row> rows = TenantContext.callAs(null, userId, () -> memberships.ofUser(userId));
        Map<TenantId, String> names = clients
                .findAll(rows.stream().map(Memberships.Row::tenant).toList())
                .stream()
                .collect(Collectors.toMap(Client::id, Client::name));
        return rows.stream()
                .map(row -> new Membership(row.tenant(), names.getOrDefault(row.tenant(), "?"), row.role()))
                .toList();
    }

    Optional<SignedInUser> defaultWorkspace(UserAccount user) {
        List<Memberships.Row> rows = TenantContext.callAs(null, user.id(), () -> memberships.ofUser(user.id()));
        // a Client that requires its own single sign-on is not entered with a password (owners excepted)
        Optional<Memberships.Row> allowed = rows.stream()
                .filter(row -> ssoPolicy.allowsOtherSignIn(row.tenant(), row.role()))
                .findFirst();
        if (allowed.isEmpty() && !rows.isEmpty()) {
            throw new SsoPolicy.SsoRequiredException();
        }
        return allowed.map(row -> open(user.id(), user.email(), user.name(), row.tenant(), row.role()));
    }

    /** The person in the given Client, if they belong to it; marks it as their most recently used. */
    public Optional<SignedInUser> switchTo(SignedInUser current, TenantId tenant) {
        return TenantContext.callAs(tenant, current.userId(), () -> memberships.roleOf(tenant, current.userId()))
                .filter(role -> ssoPolicy.allowsInThisSession(tenant, role))
                .map(role -> open(current.userId(), current.email(), current.name(), tenant, role));
    }

    private SignedInUser open(UUID userId, String email, String name, TenantId tenant, Role role) {
        TenantContext.runAs(
                tenant, userId, () -> transaction.executeWithoutResult(status -> memberships.touch(tenant, userId)));
        return new SignedInUser(userId, email, name, tenant, role);
    }
}
