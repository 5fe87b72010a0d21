package io.team365.companies;

import io.team365.audit.AuditTrail;
import io.team365.companies.internal.CompanyMerges;
import io.team365.companies.internal.CompanyStore;
import io.team365.core.MergeRequest;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.RecordChanged;
import io.team365.core.RecordsMerged;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging duplicate companies into one (ADR 0017). The survivor takes, per field, the value of the company the person
 * chose; the tags are the union of all. The others are deleted, leaving a tombstone that
 * redirects to the survivor, and every module moves what it keeps about them to the survivor in the same transaction
 * ({@link RecordsMerged}).
 */
@Service
public class CompanyMerge {

    /** The fields whose value is picked from one record; custom fields are {@code customFields.<key>}. */
    public static final List<String> PICKED_FIELDS =
            List.of("name", "domain", "industry", "size", "address", "phone", "website", "ownerId");

    private final CompanyStore store;
    private final CompanyMerges merges;
    private final CompanyManagement companies;
    private final TeamManagement team;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    CompanyMerge(
            CompanyStore store,
            CompanyMerges merges,
            CompanyManagement companies,
            TeamManagement team,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.store = store;
        this.merges = merges;
        this.companies = companies;
        this.team = team;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Merges {@code request.mergeIds()} into {@code survivorId}. Unknown, foreign, invisible or trashed records are
     * {@link NotFound}; a changed one {@link PreconditionFailed}.
     */
    @Transactional
    public Company merge(UUID survivorId, MergeRequest request, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        request.check(survivorId, Set.copyOf(PICKED_FIELDS));
        List<UUID> ids = request.all(survivorId);
        merges.lock(ids);
        List<Company> records = new ArrayList<>();
        for (UUID id : ids) {
            records.add(store.findVisible(id, team.recordScope())
                    .filter(c -> c.deletedAt() == null)
                    .orElseThrow(() -> new NotFound("company")));
        }
        for (Company record : records) {
            if (record.version() != request.versions().get(record.id())) {
                throw new PreconditionFailed(record.version());
            }
        }
        CompanyMerging merging = new CompanyMerging(records, request.fields());
        CompanyFields merged = merging.fields();
        Company survivor = companies.update(survivorId, records.getFirst().version(), current -> merged, actor);
        for (Company gone : records.subList(1, records.size())) {
            if (!merges.delete(gone.id(), gone.version())) {
                throw new PreconditionFailed(gone.version());
            }
            merges.tombstone(user.tenant(), gone.id(), survivorId, user.userId());
            audit.record(
                    user.tenant(),
                    actor,
                    "company.merged-into",
                    "company",
                    gone.id().toString(),
                    Map.of("survivor", survivorId.toString()));
        }
        events.publishEvent(new RecordsMerged(
                user.tenant(), "company", survivorId, request.mergeIds(), merging.sources(), user.userId()));
        audit.record(
                user.tenant(),
                actor,
                "company.merged",
                "company",
                survivorId.toString(),
                Map.of("merged", request.mergeIds().stream().map(UUID::toString).toList()));
        String names = String.join(
                ", ",
                records.subList(1, records.size()).stream().map(Company::name).toList());
        events.publishEvent(new RecordChanged(
                user.tenant(),
                "company",
                survivorId,
                names,
                "company.merged",
                List.of(),
                user.userId(),
                user.name(),
                survivor.updatedAt()));
        return store.find(survivorId).orElseThrow();
    }

    /** Where a merged company went (the survivor's id), if {@code id} is one. */
    @Transactional(readOnly = true)
    public Optional<UUID> survivorOf(UUID id) {
        return merges.survivorOf(id);
    }

    /**
     * The companies among {@code ids} the caller may see, not in the trash, in the order asked: what the duplicate
     * review and the merge screen show. One audited read for them all.
     */
    @Transactional
    public List<Company> visible(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Company> found = new LinkedHashMap<>();
        merges.visible(ids, team.recordScope()).forEach(c -> found.put(c.id(), c));
        audit.record(
                SignedInUser.require().tenant(),
                Actors.current(),
                "company.listed",
                "company",
                null,
                Map.of("count", found.size(), "duplicates", true));
        return ids.stream().distinct().map(found::get).filter(c -> c != null).toList();
    }

    /** Pairs of visible companies with alike names, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<List<UUID>> similarNames(int limit) {
        return merges.similarNames(team.recordScope(), limit);
    }
}
