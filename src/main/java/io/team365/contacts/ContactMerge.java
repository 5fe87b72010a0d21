package io.team365.contacts;

import io.team365.audit.AuditTrail;
import io.team365.contacts.internal.ContactMerges;
import io.team365.contacts.internal.ContactStore;
import io.team365.core.MergeRequest;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.ProcessingRestrictions;
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
 * Merging duplicate contacts into one (ADR 0017). The survivor takes, per field, the value of the record the person
 * chose; emails, phones, tags and social links are the union of all. The others are deleted, leaving a tombstone that
 * redirects to the survivor, and every module moves what it keeps about them to the survivor in the same transaction
 * ({@link RecordsMerged}).
 */
@Service
public class ContactMerge {

    /** The fields whose value is picked from one record; custom fields are {@code customFields.<key>}. */
    public static final List<String> PICKED_FIELDS =
            List.of("firstName", "lastName", "jobTitle", "companyId", "ownerId", "source", "address", "primaryEmail");

    private final ContactStore store;
    private final ContactMerges merges;
    private final ContactManagement contacts;
    private final TeamManagement team;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ProcessingRestrictions restrictions;

    ContactMerge(
            ContactStore store,
            ContactMerges merges,
            ContactManagement contacts,
            TeamManagement team,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ProcessingRestrictions restrictions) {
        this.store = store;
        this.merges = merges;
        this.contacts = contacts;
        this.team = team;
        this.audit = audit;
        this.events = events;
        this.restrictions = restrictions;
    }

    /**
     * Merges {@code request.mergeIds()} into {@code survivorId}. Unknown, foreign, invisible or trashed records are
     * {@link NotFound}; a restricted one a {@link io.team365.core.Conflict}; a changed one {@link PreconditionFailed}.
     */
    @Transactional
    public Contact merge(UUID survivorId, MergeRequest request, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        request.check(survivorId, Set.copyOf(PICKED_FIELDS));
        List<UUID> ids = request.all(survivorId);
        merges.lock(ids);
        List<Contact> records = new ArrayList<>();
        for (UUID id : ids) {
            records.add(store.findVisible(id, team.recordScope())
                    .filter(c -> c.deletedAt() == null)
                    .orElseThrow(() -> new NotFound("contact")));
        }
        for (Contact record : records) {
            restrictions.refuseIfRestricted("contact", record.id());
            if (record.version() != request.versions().get(record.id())) {
                throw new PreconditionFailed(record.version());
            }
        }
        ContactMerging merging = new ContactMerging(records, request.fields());
        ContactFields merged = merging.fields();
        Contact survivor = contacts.update(survivorId, records.getFirst().version(), current -> merged, actor);
        for (Contact gone : records.subList(1, records.size())) {
            if (!merges.delete(gone.id(), gone.version())) {
                throw new PreconditionFailed(gone.version());
            }
            merges.tombstone(user.tenant(), gone.id(), survivorId, user.userId());
            audit.record(
                    user.tenant(),
                    actor,
                    "contact.merged-into",
                    "contact",
                    gone.id().toString(),
                    Map.of("survivor", survivorId.toString()));
        }
        events.publishEvent(new RecordsMerged(
                user.tenant(), "contact", survivorId, request.mergeIds(), merging.sources(), user.userId()));
        audit.record(
                user.tenant(),
                actor,
                "contact.merged",
                "contact",
                survivorId.toString(),
                Map.of("merged", request.mergeIds().stream().map(UUID::toString).toList()));
        String names = String.join(
                ", ",
                records.subList(1, records.size()).stream()
                        .map(Contact::displayName)
                        .toList());
        events.publishEvent(new RecordChanged(
                user.tenant(),
                "contact",
                survivorId,
                names,
                "contact.merged",
                List.of(),
                user.userId(),
                user.name(),
                survivor.updatedAt()));
        return store.find(survivorId).orElseThrow();
    }

    /** Where a merged contact went (the survivor's id), if {@code id} is one. */
    @Transactional(readOnly = true)
    public Optional<UUID> survivorOf(UUID id) {
        return merges.survivorOf(id);
    }

    /**
     * The contacts among {@code ids} the caller may see, not in the trash, in the order asked: what the duplicate
     * review and the merge screen show. One audited read for them all.
     */
    @Transactional
    public List<Contact> visible(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Contact> found = new LinkedHashMap<>();
        merges.visible(ids, team.recordScope()).forEach(c -> found.put(c.id(), c));
        audit.record(
                SignedInUser.require().tenant(),
                Actors.current(),
                "contact.listed",
                "contact",
                null,
                Map.of("count", found.size(), "duplicates", true));
        return ids.stream().distinct().map(found::get).filter(c -> c != null).toList();
    }

    /** Pairs of visible contacts at the same company with alike names, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<List<UUID>> similarNames(int limit) {
        return merges.similarNames(team.recordScope(), limit);
    }
}
