package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.Ids;
import io.team365.core.TenantId;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.TenantContext;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What single sign-on (package {@code sso}) needs of accounts and memberships, without opening their repositories
 * to it: find a person, create one whose address the provider verified, and open a workspace for them.
 */
@Service
public class SsoAccounts {

    /** A person's account as single sign-on sees it: never the password hash, only whether there is one. */
    public record Account(UUID id, String email, String name, boolean emailVerified, boolean hasPassword) {}

    private final UserAccounts users;
    private final Memberships memberships;
    private final ClientManagement clients;
    private final WorkspaceSelector workspaces;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    SsoAccounts(
            UserAccounts users,
            Memberships memberships,
            ClientManagement clients,
            WorkspaceSelector workspaces,
            AuditTrail audit,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.memberships = memberships;
        this.clients = clients;
        this.workspaces = workspaces;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Optional<Account> findByEmail(String email) {
        return transaction.execute(status -> users.findByEmail(email)).map(SsoAccounts::account);
    }

    public Optional<Account> findById(UUID id) {
        return TenantContext.callAs(null, id, () -> transaction.execute(status -> users.findById(id)))
                .map(SsoAccounts::account);
    }

    public Optional<Role> roleIn(TenantId tenant, UUID userId) {
        return TenantContext.callAs(tenant, userId, () -> memberships.roleOf(tenant, userId));
    }

    /** The person's Clients and their role in each, most recently used first. */
    public Map<TenantId, Role> membershipsOf(UUID userId) {
        var result = new java.util.LinkedHashMap<TenantId, Role>();
        TenantContext.callAs(null, userId, () -> memberships.ofUser(userId))
                .forEach(row -> result.put(row.tenant(), row.role()));
        return result;
    }

    /** The most recently used of the person's Clients that {@code allowed} accepts, marked as used. */
    public Optional<SignedInUser> openDefault(Account account, BiPredicate<TenantId, Role> allowed) {
        return membershipsOf(account.id()).entrySet().stream()
                .filter(entry -> allowed.test(entry.getKey(), entry.getValue()))
                .findFirst()
                .flatMap(entry -> openIn(account, entry.getKey()));
    }

    /** The person in the given Client, if they belong to it, marked as their most recently used. */
    public Optional<SignedInUser> openIn(Account account, TenantId tenant) {
        // switchTo looks only at the user id and copies the rest: the placeholder tenant is never used
        SignedInUser who = new SignedInUser(account.id(), account.email(), account.name(), tenant, Role.READ_ONLY);
        return workspaces.switchTo(who, tenant);
    }

    /**
     * An account that was signed up but never verified, now claimed by someone whose provider verified the address:
     * the password set by whoever signed up is removed (it was never shown to belong to the address's owner), so a
     * squatter who signed up first cannot sign in to the verified account.
     */
    public void claimUnverified(UUID userId) {
        TenantContext.runAs(
                null,
                userId,
                () -> transaction.executeWithoutResult(status -> {
                    jdbc.sql("update users set password_hash = null where id = :id and email_verified_at is null")
                            .param("id", userId)
                            .update();
                    users.markEmailVerified(userId);
                }));
    }

    /**
     * Sign-up with an address the provider verified: a new Client, its owner (no password), and whatever
     * {@code alsoNow} adds for the new user (the identity link), in one transaction.
     */
    public SignUps.Result signUpVerified(
            String company, String name, String email, AuditTrail.Actor requester, Consumer<UUID> alsoNow) {
        TenantId tenant = clients.newId();
        UUID userId = Ids.newId();
        try {
            return TenantContext.callAs(
                    tenant,
                    userId,
                    () -> transaction.execute(status -> {
                        if (users.findByEmail(email).isPresent()) {
                            throw new Conflict("email", "signup.email-taken");
                        }
                        clients.create(tenant, company);
                        users.insert(userId, email, name, null, true);
                        memberships.insert(tenant, userId, Role.OWNER);
                        memberships.touch(tenant, userId);
                        alsoNow.accept(userId);
                        audit.record(
                                tenant,
                                new AuditTrail.Actor(userId, email, requester.ip(), requester.userAgent()),
                                "client.created",
                                "client",
                                tenant.toString(),
                                Map.of("name", company));
                        return new SignUps.Result(tenant, userId);
                    }));
        } catch (DuplicateKeyException raced) {
            throw new Conflict("email", "signup.email-taken");
        }
    }

    /**
     * A person the Client's own provider verified joins that Client as a member (the Client allowed it): a new
     * account without password and with the address unproven elsewhere, and a membership.
     */
    public UUID joinAsMember(
            TenantId tenant,
            Optional<Account> existing,
            String name,
            String email,
            AuditTrail.Actor requester,
            Consumer<UUID> alsoNow) {
        UUID userId = existing.map(Account::id).orElseGet(Ids::newId);
        TenantContext.runAs(
                tenant,
                userId,
                () -> transaction.executeWithoutResult(status -> {
                    if (existing.isEmpty()) {
                        // not verified: only this Client's provider vouched for the address, and it is trusted in
                        // this Client alone; the day the address's owner proves it (platform sign-on, a reset link),
                        // the links that provider made go (UserAccounts.markEmailVerified)
                        users.insert(userId, email, name, null, false);
                    }
                    memberships.insert(tenant, userId, Role.MEMBER);
                    memberships.touch(tenant, userId);
                    alsoNow.accept(userId);
                    audit.record(
                            tenant,
                            new AuditTrail.Actor(userId, email, requester.ip(), requester.userAgent()),
                            "member.joined-by-sso",
                            "user",
                            userId.toString(),
                            Map.of("role", Role.MEMBER.value()));
                }));
        return userId;
    }

    /** The session's authentication for a person in a workspace, with their role's authorities (as the password form). */
    public org.springframework.security.core.Authentication authenticated(SignedInUser user) {
        return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                user, null, RoleAuthorities.of(user.role()));
    }

    private static Account account(UserAccount account) {
        return new Account(
                account.id(), account.email(), account.name(), account.emailVerified(), account.passwordHash() != null);
    }
}
