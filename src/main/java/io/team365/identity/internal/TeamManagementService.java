package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.NotFound;
import io.team365.identity.Member;
import io.team365.identity.Membership;
import io.team365.identity.RecordScope;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TeamManagementService implements TeamManagement {

    private final Memberships memberships;
    private final WorkspaceSelector workspaces;
    private final AuditTrail audit;
    private final ClientManagement clients;
    private final Teams teams;

    TeamManagementService(
            Memberships memberships,
            WorkspaceSelector workspaces,
            AuditTrail audit,
            ClientManagement clients,
            Teams teams) {
        this.clients = clients;
        this.teams = teams;
        this.memberships = memberships;
        this.workspaces = workspaces;
        this.audit = audit;
    }

    @Override
    public List<Member> members() {
        return memberships.members(SignedInUser.require().tenant());
    }

    @Override
    public List<Member> administrators(io.team365.core.TenantId tenant) {
        return memberships.members(tenant).stream()
                .filter(m -> m.role().atLeast(Role.ADMIN))
                .toList();
    }

    @Override
    public java.util.Set<UUID> memberIds() {
        return members().stream().map(Member::userId).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public RecordScope recordScope() {
        SignedInUser user = SignedInUser.require();
        if (user.role().atLeast(Role.ADMIN)) {
            return RecordScope.everything();
        }
        Client.RecordVisibility visibility =
                clients.find(user.tenant()).map(Client::recordVisibility).orElse(Client.RecordVisibility.ALL);
        return switch (visibility) {
            case ALL -> RecordScope.everything();
            case OWN -> RecordScope.ownedBy(java.util.Set.of(user.userId()));
            case TEAM -> RecordScope.ownedBy(teams.teammatesOf(user.userId()));
        };
    }

    @Override
    public List<Membership> membershipsOf(UUID userId) {
        return workspaces.membershipsOf(userId);
    }

    @Override
    @Transactional
    public void changeRole(SignedInUser by, UUID userId, Role role, AuditTrail.Actor actor) {
        int owners = memberships.lockOwners(by.tenant());
        Role current = guardedRole(by, userId);
        if (role == Role.OWNER && by.role() != Role.OWNER) {
            throw new Conflict("role", "team.only-owner-grants-owner");
        }
        if (current == role) {
            return;
        }
        if (current == Role.OWNER && owners <= 1) {
            throw new Conflict("role", "team.last-owner");
        }
        memberships.changeRole(by.tenant(), userId, role);
        audit.record(
                by.tenant(),
                actor,
                "member.role-changed",
                "user",
                userId.toString(),
                Map.of("from", current.value(), "to", role.value()));
    }

    @Override
    @Transactional
    public void remove(SignedInUser by, UUID userId, AuditTrail.Actor actor) {
        int owners = memberships.lockOwners(by.tenant());
        Role current = guardedRole(by, userId);
        if (current == Role.OWNER && owners <= 1) {
            throw new Conflict("userId", "team.last-owner");
        }
        memberships.delete(by.tenant(), userId);
        audit.record(by.tenant(), actor, "member.removed", "user", userId.toString(), Map.of("role", current.value()));
    }

    /** The member's role, locked until commit, refusing admins who try to change an owner. */
    private Role guardedRole(SignedInUser by, UUID userId) {
        Role current = memberships.lockRole(by.tenant(), userId).orElseThrow(() -> new NotFound("member"));
        if (current == Role.OWNER && by.role() != Role.OWNER) {
            throw new Conflict("userId", "team.only-owner-changes-owner");
        }
        return current;
    }
}
