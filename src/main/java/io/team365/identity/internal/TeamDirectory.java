package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.identity.Member;
import io.team365.identity.SignedInUser;
import io.team365.identity.Team;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams of the current Client, kept by its owners and admins: with the "team" record visibility, members see the
 * records of everyone they share a team with. Every change is in the audit trail.
 */
@Service
public class TeamDirectory {

    private static final int MAX_TEAMS_PER_CLIENT = 200;

    private final Teams teams;
    private final Memberships memberships;
    private final AuditTrail audit;

    TeamDirectory(Teams teams, Memberships memberships, AuditTrail audit) {
        this.teams = teams;
        this.memberships = memberships;
        this.audit = audit;
    }

    public List<Team> list() {
        return teams.all();
    }

    public Team get(UUID id) {
        return teams.find(id).orElseThrow(() -> new NotFound("team"));
    }

    @Transactional
    public Team create(String requestedName, List<UUID> memberIds, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        String name = checkedName(requestedName, null);
        Set<UUID> members = checkedMembers(user, memberIds);
        if (teams.all().size() >= MAX_TEAMS_PER_CLIENT) {
            throw new Conflict("name", "team.too-many");
        }
        UUID id = Ids.newId();
        teams.insert(user.tenant(), id, name);
        teams.setMembers(user.tenant(), id, members);
        audit.record(user.tenant(), actor, "team.created", "team", id.toString(), Map.of("name", name));
        return get(id);
    }

    /** Changes the name and/or the members; null leaves that part as it is. */
    @Transactional
    public Team update(UUID id, String requestedName, List<UUID> memberIds, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Team before = get(id);
        String name = requestedName == null ? null : checkedName(requestedName, id);
        Set<UUID> members = memberIds == null ? null : checkedMembers(user, memberIds);
        if (name != null) {
            teams.rename(id, name);
        }
        if (members != null) {
            teams.setMembers(user.tenant(), id, members);
        }
        Team after = get(id);
        audit.record(
                user.tenant(),
                actor,
                "team.updated",
                "team",
                id.toString(),
                Map.of(
                        "name", after.name(),
                        "from", before.memberIds().size(),
                        "to", after.memberIds().size()));
        return after;
    }

    @Transactional
    public void delete(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Team team = get(id);
        teams.delete(id);
        audit.record(user.tenant(), actor, "team.deleted", "team", id.toString(), Map.of("name", team.name()));
    }

    private String checkedName(String requested, UUID except) {
        Validation check = Validation.start();
        String name = check.text("name", requested, 100);
        check.throwIfInvalid();
        if (teams.nameTaken(name, except)) {
            throw new Conflict("name", "team.name-taken");
        }
        return name;
    }

    private Set<UUID> checkedMembers(SignedInUser user, List<UUID> requested) {
        if (requested == null) {
            return Set.of();
        }
        Set<UUID> people =
                memberships.members(user.tenant()).stream().map(Member::userId).collect(Collectors.toSet());
        Validation check = Validation.start();
        for (int i = 0; i < requested.size(); i++) {
            if (requested.get(i) == null || !people.contains(requested.get(i))) {
                check.reject("memberIds[" + i + "]", "team.not-a-member");
            }
        }
        check.throwIfInvalid();
        return Set.copyOf(requested);
    }
}
