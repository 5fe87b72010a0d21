package io.team365.companies;

import io.team365.audit.AuditTrail;
import io.team365.companies.internal.CompanyStore;
import io.team365.core.FieldChange;
import io.team365.core.FieldHistory;
import io.team365.core.Ids;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.RecordChanged;
import io.team365.core.paging.FilterField;
import io.team365.core.paging.Filters;
import io.team365.core.paging.KeysetSort;
import io.team365.customfields.CustomFieldManagement;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, reading, changing, trashing and restoring companies. Every read by a person is in the audit trail, as
 * for contacts; every change is checked against the version the caller saw and lands on the company's timeline.
 */
@Service
public class CompanyManagement {

    private final CompanyStore store;
    private final TeamManagement team;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CustomFieldManagement customFields;

    CompanyManagement(
            CompanyStore store,
            TeamManagement team,
            AuditTrail audit,
            ApplicationEventPublisher events,
            CustomFieldManagement customFields) {
        this.store = store;
        this.team = team;
        this.audit = audit;
        this.events = events;
        this.customFields = customFields;
    }

    /** A new company belongs to whoever creates it, unless they name another owner. */
    @Transactional
    public Company create(CompanyFields fields, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        CompanyFields owned = fields.ownerId() != null ? fields : fields.withOwner(user.userId());
        CompanyFields checked = checked(owned, Map.of());
        UUID id = Ids.newId();
        store.insert(user.tenant(), id, checked, user.userId());
        audit.record(user.tenant(), actor, "company.created", "company", id.toString(), Map.of());
        Company created = store.find(id).orElseThrow();
        publish(user, created, "created", history(CompanyFields.empty(), checked));
        return created;
    }

    /** A company as a person looks at it; the look is audited. Companies in the trash are found too. */
    @Transactional
    public Company view(UUID id, AuditTrail.Actor actor) {
        Company company = store.findVisible(id, team.recordScope()).orElseThrow(() -> new NotFound("company"));
        audit.record(SignedInUser.require().tenant(), actor, "company.viewed", "company", id.toString(), Map.of());
        return company;
    }

    /**
     * The company, in the trash or not, if it exists in this Client and the caller may see it: for other modules
     * that show or link it. Not audited; a person's look goes through {@link #view}.
     */
    public Optional<Company> find(UUID id) {
        return id == null ? Optional.empty() : store.findVisible(id, team.recordScope());
    }

    /** The names of the companies among {@code ids} the caller may see (trash included), to show beside links. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        return store.names(
                ids.stream().filter(java.util.Objects::nonNull).distinct().toList(), team.recordScope());
    }

    /**
     * Applies a change to the fields. {@code expectedVersion} is the version the caller saw (null: whatever is stored
     * now); a stale one is refused with the current version, and nothing is written.
     */
    @Transactional
    public Company update(
            UUID id, Integer expectedVersion, UnaryOperator<CompanyFields> change, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Company current = store.findVisible(id, team.recordScope())
                .filter(c -> c.deletedAt() == null)
                .orElseThrow(() -> new NotFound("company"));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailed(current.version());
        }
        CompanyFields checked = checked(change.apply(CompanyFields.of(current)), current.customFields());
        if (!store.update(id, checked, current.version(), user.userId())) {
            throw new PreconditionFailed(store.find(id).map(Company::version).orElse(current.version()));
        }
        audit.record(user.tenant(), actor, "company.updated", "company", id.toString(), Map.of());
        Company updated = store.find(id).orElseThrow();
        publish(user, updated, "updated", history(CompanyFields.of(current), checked));
        return updated;
    }

    @Transactional
    public void trash(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        if (store.findVisible(id, team.recordScope()).isEmpty() || !store.moveToTrash(id, user.userId())) {
            throw new NotFound("company");
        }
        audit.record(user.tenant(), actor, "company.trashed", "company", id.toString(), Map.of());
        publish(user, store.find(id).orElseThrow(), "trashed", List.of());
    }

    @Transactional
    public Company restore(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        if (store.findVisible(id, team.recordScope()).isEmpty() || !store.restore(id, user.userId())) {
            throw new NotFound("company in the trash");
        }
        audit.record(user.tenant(), actor, "company.restored", "company", id.toString(), Map.of());
        Company restored = store.find(id).orElseThrow();
        publish(user, restored, "restored", List.of());
        return restored;
    }

    /** How many companies the caller can see (not in the trash). */
    public long count() {
        return store.count(team.recordScope());
    }

    public CompanyPage list(CompanyQuery query) {
        KeysetSort.checkedLimit(query.limit());
        CompanyPage page = store.list(
                query,
                team.recordScope(),
                new Filters(filterFields()),
                CompanyStore.SORTS.with(customFields.sortColumns("company", null, Company::customFields)),
                SignedInUser.require().userId());
        // one audit entry per list read: the record type and how many, never the values shown
        audit.record(
                SignedInUser.require().tenant(),
                Actors.current(),
                "company.listed",
                "company",
                null,
                Map.of("count", page.companies().size(), "trash", query.deleted()));
        return page;
    }

    /** What the filter builder offers for companies: the standard fields, then the Client's custom fields. */
    public List<FilterField> filterFields() {
        List<FilterField> fields = new java.util.ArrayList<>(CompanyStore.FILTER_FIELDS);
        fields.addAll(customFields.filterFields("company", null));
        return fields;
    }

    /** The names {@code sort} accepts, custom fields included. */
    public List<String> sortNames() {
        return CompanyStore.SORTS
                .with(customFields.sortColumns("company", null, Company::customFields))
                .names();
    }

    /**
     * The fields whose values differ between two versions of a company, by their API names: what a person is told
     * changed when their edit met a newer version.
     */
    public static List<String> differences(CompanyFields before, CompanyFields after) {
        return history(before, after).stream().map(FieldChange::field).toList();
    }

    private void publish(SignedInUser user, Company company, String kind, List<FieldChange> changes) {
        events.publishEvent(new RecordChanged(
                user.tenant(),
                "company",
                company.id(),
                company.name(),
                "company." + kind,
                changes,
                user.userId(),
                user.name(),
                company.updatedAt()));
    }

    /** The standard fields and the custom ones checked together, so every problem is reported at once. */
    private CompanyFields checked(CompanyFields fields, Map<String, Object> storedCustom) {
        CompanyFields standard = null;
        Map<String, Object> custom = null;
        InvalidInput problems = null;
        try {
            standard = store.check(fields, team.memberIds());
        } catch (InvalidInput invalid) {
            problems = invalid;
        }
        try {
            custom = customFields.check("company", fields.customFields(), storedCustom);
        } catch (InvalidInput invalid) {
            problems = InvalidInput.merge(problems, invalid);
        }
        if (problems != null) {
            throw problems;
        }
        return standard.withCustomFields(custom);
    }

    /** The field history of a change: which fields it touched, from what to what. */
    private static List<FieldChange> history(CompanyFields before, CompanyFields after) {
        return FieldHistory.between(before, after)
                .compare("name", CompanyFields::name)
                .compare("domain", CompanyFields::domain)
                .compare("industry", CompanyFields::industry)
                .compare("size", CompanyFields::size)
                .compare("address", f -> f.address().oneLine())
                .compare("phone", CompanyFields::phone)
                .compare("website", CompanyFields::website)
                .compare("ownerId", CompanyFields::ownerId)
                .compare("tags", CompanyFields::tags)
                .compare("customFields", CompanyFields::customFields)
                .changes();
    }
}
