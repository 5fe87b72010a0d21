package io.team365.contacts;

import io.team365.audit.AuditTrail;
import io.team365.contacts.internal.ContactStore;
import io.team365.core.FieldChange;
import io.team365.core.FieldHistory;
import io.team365.core.Ids;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.ProcessingRestrictions;
import io.team365.core.RecordChanged;
import io.team365.core.RecordLinks;
import io.team365.core.paging.FilterField;
import io.team365.core.paging.Filters;
import io.team365.core.paging.KeysetSort;
import io.team365.customfields.CustomFieldManagement;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, reading, changing, trashing and restoring contacts. Every read of a contact by a person is in the audit
 * trail (personal data, ARCHITECTURE.md data rule 7); every change is checked against the version the caller saw.
 */
@Service
public class ContactManagement {

    private final ContactStore store;
    private final TeamManagement team;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CustomFieldManagement customFields;
    private final RecordLinks records;
    private final ProcessingRestrictions restrictions;

    ContactManagement(
            ContactStore store,
            TeamManagement team,
            AuditTrail audit,
            ApplicationEventPublisher events,
            CustomFieldManagement customFields,
            RecordLinks records,
            ProcessingRestrictions restrictions) {
        this.restrictions = restrictions;
        this.records = records;
        this.customFields = customFields;
        this.events = events;
        this.store = store;
        this.team = team;
        this.audit = audit;
    }

    @Transactional
    public Contact create(ContactFields fields, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        // a new contact belongs to whoever creates it, unless they name another owner
        ContactFields owned = fields.ownerId() != null ? fields : fields.withOwner(user.userId());
        ContactFields checked = checked(owned, Map.of());
        UUID id = Ids.newId();
        store.insert(user.tenant(), id, checked, user.userId());
        audit.record(user.tenant(), actor, "contact.created", "contact", id.toString(), Map.of());
        Contact created = store.find(id).orElseThrow();
        publish(user, created, "created", history(ContactFields.empty(), checked));
        return created;
    }

    /** A contact as a person looks at it; the look is audited. Contacts in the trash are found too. */
    @Transactional
    public Contact view(UUID id, AuditTrail.Actor actor) {
        Contact contact = store.findVisible(id, team.recordScope()).orElseThrow(() -> new NotFound("contact"));
        audit.record(SignedInUser.require().tenant(), actor, "contact.viewed", "contact", id.toString(), Map.of());
        return contact;
    }

    /**
     * Applies a change to the fields. {@code expectedVersion} is the version the caller saw (null: whatever is stored
     * now); a stale one is refused with the current version, and nothing is written.
     */
    @Transactional
    public Contact update(
            UUID id, Integer expectedVersion, UnaryOperator<ContactFields> change, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Contact current = store.findVisible(id, team.recordScope())
                .filter(c -> c.deletedAt() == null)
                .orElseThrow(() -> new NotFound("contact"));
        // a data subject's restriction: stored and readable, never changed (GDPR art. 18)
        restrictions.refuseIfRestricted("contact", id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailed(current.version());
        }
        ContactFields checked = checked(change.apply(ContactFields.of(current)), current.customFields());
        if (!store.update(id, checked, current.version(), user.userId())) {
            throw new PreconditionFailed(store.find(id).map(Contact::version).orElse(current.version()));
        }
        audit.record(user.tenant(), actor, "contact.updated", "contact", id.toString(), Map.of());
        Contact updated = store.find(id).orElseThrow();
        publish(user, updated, "updated", history(ContactFields.of(current), checked));
        return updated;
    }

    @Transactional
    public void trash(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        if (store.findVisible(id, team.recordScope()).isPresent()) {
            restrictions.refuseIfRestricted("contact", id);
        }
        if (store.findVisible(id, team.recordScope()).isEmpty() || !store.moveToTrash(id, user.userId())) {
            throw new NotFound("contact");
        }
        audit.record(user.tenant(), actor, "contact.trashed", "contact", id.toString(), Map.of());
        publish(user, store.find(id).orElseThrow(), "trashed", java.util.List.of());
    }

    @Transactional
    public Contact restore(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        if (store.findVisible(id, team.recordScope()).isEmpty() || !store.restore(id, user.userId())) {
            throw new NotFound("contact in the trash");
        }
        audit.record(user.tenant(), actor, "contact.restored", "contact", id.toString(), Map.of());
        Contact restored = store.find(id).orElseThrow();
        publish(user, restored, "restored", java.util.List.of());
        return restored;
    }

    /** New contacts per week for the last {@code weeks} weeks, oldest first, zero weeks included. */
    public java.util.List<WeekCount> newPerWeek(int weeks) {
        return store.newPerWeek(weeks, team.recordScope());
    }

    /** How many contacts the caller can see (not in the trash). */
    public long count() {
        return store.count(team.recordScope());
    }

    /** Whether the contact exists for the current Client (in the trash or not), without reading it. */
    public boolean exists(UUID id) {
        return store.findVisible(id, team.recordScope()).isPresent();
    }

    public ContactPage list(ContactQuery query) {
        KeysetSort.checkedLimit(query.limit());
        ContactPage page = store.list(
                query,
                team.recordScope(),
                new Filters(filterFields()),
                ContactStore.SORTS.with(customFields.sortColumns("contact", null, Contact::customFields)),
                SignedInUser.require().userId());
        // one audit entry per list read: the record type and how many, never the values shown
        audit.record(
                SignedInUser.require().tenant(),
                Actors.current(),
                "contact.listed",
                "contact",
                null,
                Map.of("count", page.contacts().size(), "trash", query.deleted()));
        return page;
    }

    /** What the filter builder offers for contacts: the standard fields, then the Client's custom fields. */
    public java.util.List<FilterField> filterFields() {
        java.util.List<FilterField> fields = new java.util.ArrayList<>(ContactStore.FILTER_FIELDS);
        fields.addAll(customFields.filterFields("contact", null));
        return fields;
    }

    /** The names {@code sort} accepts, custom fields included. */
    public java.util.List<String> sortNames() {
        return ContactStore.SORTS
                .with(customFields.sortColumns("contact", null, Contact::customFields))
                .names();
    }

    private void publish(SignedInUser user, Contact contact, String kind, java.util.List<FieldChange> changes) {
        events.publishEvent(new RecordChanged(
                user.tenant(),
                "contact",
                contact.id(),
                contact.displayName(),
                "contact." + kind,
                changes,
                user.userId(),
                user.name(),
                contact.updatedAt()));
    }

    /** The standard fields and the custom ones checked together, so every problem is reported at once. */
    private ContactFields checked(ContactFields fields, Map<String, Object> storedCustom) {
        ContactFields standard = null;
        Map<String, Object> custom = null;
        InvalidInput problems = null;
        try {
            standard = store.check(
                    fields,
                    team.memberIds(),
                    company -> records.find("company", company).isPresent());
        } catch (InvalidInput invalid) {
            problems = invalid;
        }
        try {
            custom = customFields.check("contact", fields.customFields(), storedCustom);
        } catch (InvalidInput invalid) {
            problems = InvalidInput.merge(problems, invalid);
        }
        if (problems != null) {
            throw problems;
        }
        return new ContactFields(
                standard.firstName(),
                standard.lastName(),
                standard.emails(),
                standard.phones(),
                standard.jobTitle(),
                standard.companyId(),
                standard.ownerId(),
                standard.tags(),
                standard.source(),
                custom,
                standard.address(),
                standard.socialLinks());
    }

    /** The field history of a change: which fields it touched, from what to what. */
    private static java.util.List<FieldChange> history(ContactFields before, ContactFields after) {
        return FieldHistory.between(before, after)
                .compare("firstName", ContactFields::firstName)
                .compare("lastName", ContactFields::lastName)
                .compare(
                        "emails",
                        f -> f.emails().stream().map(Contact.Email::address).toList())
                .compare(
                        "phones",
                        f -> f.phones().stream().map(Contact.Phone::number).toList())
                .compare("jobTitle", ContactFields::jobTitle)
                .compare("companyId", ContactFields::companyId)
                .compare("ownerId", ContactFields::ownerId)
                .compare("tags", ContactFields::tags)
                .compare("source", ContactFields::source)
                .compare("address", f -> f.address().oneLine())
                .compare("socialLinks", ContactFields::socialLinks)
                .changes();
    }
}
