package io.team365.duplicates;

import io.team365.audit.AuditTrail;
import io.team365.companies.Company;
import io.team365.companies.CompanyMerge;
import io.team365.contacts.Contact;
import io.team365.contacts.ContactMerge;
import io.team365.core.MergeCounts;
import io.team365.core.MergeRequest;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.duplicates.internal.Dismissals;
import io.team365.identity.SignedInUser;
import io.team365.search.DuplicateKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duplicate review: groups of contacts or companies the caller may see that share an email, phone or domain, or
 * have alike names; pairs dismissed as "not duplicates" are not proposed again.
 */
@Service
public class DuplicateReview {

    public static final Set<String> TYPES = Set.of("contact", "company");
    public static final int MAX_LIMIT = 200;

    private final DuplicateKeys keys;
    private final ContactMerge contacts;
    private final CompanyMerge companies;
    private final Dismissals dismissals;
    private final List<MergeCounts> counts;
    private final AuditTrail audit;

    DuplicateReview(
            DuplicateKeys keys,
            ContactMerge contacts,
            CompanyMerge companies,
            Dismissals dismissals,
            List<MergeCounts> counts,
            AuditTrail audit) {
        this.keys = keys;
        this.contacts = contacts;
        this.companies = companies;
        this.dismissals = dismissals;
        this.counts = counts;
        this.audit = audit;
    }

    /**
     * The first {@code limit} groups of likely duplicates of {@code recordType}: exact keys first (by kind and key),
     * then alike names. A group holds at most {@link MergeRequest#MAX_RECORDS} records, those one merge can take.
     */
    @Transactional
    public List<DuplicateGroup> groups(String recordType, int limit) {
        int capped = Math.max(1, Math.min(limit, MAX_LIMIT));
        Map<Set<UUID>, DuplicateGroup> found = new LinkedHashMap<>();
        List<List<UUID>> proposed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (DuplicateKeys.Group group : keys.groups(recordType, capped * 2)) {
            proposed.add(group.recordIds());
            reasons.add(group.kind());
        }
        List<List<UUID>> alike =
                "contact".equals(recordType) ? contacts.similarNames(capped * 2) : companies.similarNames(capped * 2);
        for (List<UUID> pair : alike) {
            proposed.add(pair);
            reasons.add("name");
        }
        Set<UUID> all = new LinkedHashSet<>();
        proposed.forEach(all::addAll);
        Map<UUID, DuplicateGroup.Candidate> visible = candidates(recordType, all);
        Set<List<UUID>> dismissed = dismissals.among(recordType, visible.keySet());
        for (int i = 0; i < proposed.size() && found.size() < capped; i++) {
            List<UUID> ids =
                    proposed.get(i).stream().filter(visible::containsKey).toList();
            List<UUID> kept = ids.stream()
                    .filter(id -> ids.stream()
                            .anyMatch(other -> !other.equals(id) && !dismissed.contains(Dismissals.pair(id, other))))
                    .limit(MergeRequest.MAX_RECORDS)
                    .toList();
            if (kept.size() < 2) {
                continue;
            }
            Set<UUID> key = new HashSet<>(kept);
            DuplicateGroup before = found.get(key);
            List<String> why = new ArrayList<>(before == null ? List.of() : before.reasons());
            if (!why.contains(reasons.get(i))) {
                why.add(reasons.get(i));
            }
            found.put(
                    key,
                    new DuplicateGroup(
                            recordType, why, kept.stream().map(visible::get).toList()));
        }
        return List.copyOf(found.values());
    }

    /** The records among {@code ids} the caller may see (not in the trash), in that order; one audited read. */
    @Transactional
    public List<DuplicateGroup.Candidate> records(String recordType, Collection<UUID> ids) {
        return List.copyOf(candidates(recordType, ids).values());
    }

    /**
     * "These are not duplicates": every pair among {@code ids} is not proposed again. All must be records the caller
     * may see ({@link NotFound} otherwise); two to five of them.
     */
    @Transactional
    public void dismiss(String recordType, List<UUID> ids, AuditTrail.Actor actor) {
        Set<UUID> distinct = new LinkedHashSet<>(ids == null ? List.of() : ids);
        if (distinct.contains(null) || distinct.size() < 2 || distinct.size() > MergeRequest.MAX_RECORDS) {
            Validation.start()
                    .reject("ids", "duplicates.dismiss.count", MergeRequest.MAX_RECORDS)
                    .throwIfInvalid();
        }
        if (candidates(recordType, distinct).size() != distinct.size()) {
            throw new NotFound(recordType);
        }
        SignedInUser user = SignedInUser.require();
        List<UUID> list = List.copyOf(distinct);
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                dismissals.add(user.tenant(), recordType, list.get(i), list.get(j), user.userId());
            }
        }
        audit.record(
                user.tenant(),
                actor,
                recordType + ".duplicates-dismissed",
                recordType,
                list.getFirst().toString(),
                Map.of("ids", list.stream().map(UUID::toString).toList()));
    }

    /** What a merge of {@code ids} would move to the survivor: message key of each kind of item, and how many. */
    @Transactional(readOnly = true)
    public Map<String, Long> related(String recordType, Collection<UUID> ids) {
        Map<String, Long> related = new LinkedHashMap<>();
        counts.stream()
                .sorted(java.util.Comparator.comparing(MergeCounts::label))
                .forEach(c -> related.put(c.label(), c.count(recordType, ids)));
        return related;
    }

    private Map<UUID, DuplicateGroup.Candidate> candidates(String recordType, Collection<UUID> ids) {
        Map<UUID, DuplicateGroup.Candidate> visible = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return visible;
        }
        if ("contact".equals(recordType)) {
            for (Contact c : contacts.visible(ids)) {
                visible.put(
                        c.id(), new DuplicateGroup.Candidate(c.id(), c.displayName(), c.primaryEmail(), c.version()));
            }
        } else {
            for (Company c : companies.visible(ids)) {
                visible.put(c.id(), new DuplicateGroup.Candidate(c.id(), c.name(), c.domain(), c.version()));
            }
        }
        return visible;
    }
}
