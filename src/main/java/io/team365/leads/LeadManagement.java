package io.team365.leads;

import io.team365.audit.AuditTrail;
import io.team365.contacts.Contact;
import io.team365.core.Conflict;
import io.team365.core.FieldChange;
import io.team365.core.FieldHistory;
import io.team365.core.Ids;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.ProcessingRestrictions;
import io.team365.core.RecordChanged;
import io.team365.core.paging.FilterField;
import io.team365.core.paging.Filters;
import io.team365.core.paging.KeysetSort;
import io.team365.customfields.CustomFieldManagement;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import io.team365.leads.internal.LeadStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, reading, changing, trashing, restoring and converting leads. Every read of a lead by a person is in the
 * audit trail (personal data, as for contacts); every change is checked against the version the caller saw; a
 * converted lead stays readable but no longer changes.
 */
@Service
public class LeadManagement {

    private final LeadStore store;
    private final TeamManagement team;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CustomFieldManagement customFields;
    private final LeadConverter converter;
    private final ProcessingRestrictions restrictions;

    LeadManagement(
            LeadStore store,
            TeamManagement team,
            AuditTrail audit,
            ApplicationEventPublisher events,
            CustomFieldManagement customFields,
            LeadConverter converter,
            ProcessingRestrictions restrictions) {
        this.restrictions = restrictions;
        this.store = store;
        this.team = team;
        this.audit = audit;
        this.events = events;
        this.customFields = customFields;
        this.converter = converter;
    }

    /** A new lead belongs to whoever creates it, unless they name another owner; its status starts as new. */
    @Transactional
    public Lead create(LeadFields fields, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        LeadFields owned = fields.ownerId() != null ? fields : fields.withOwner(user.userId());
        LeadFields checked = checked(owned, Map.of());
        UUID id = Ids.newId();
        store.insert(user.tenant(), id, checked, user.userId());
        audit.record(user.tenant(), actor, "lead.created", "lead", id.toString(), Map.of());
        Lead created = store.find(id).orElseThrow();
        publish(user, created, "lead.created", history(LeadFields.empty(), checked));
        return created;
    }

    /** A lead as a person looks at it; the look is audited. Leads in the trash and converted ones are found too. */
    @Transactional
    public Lead view(UUID id, AuditTrail.Actor actor) {
        Lead lead = store.findVisible(id, team.recordScope()).orElseThrow(() -> new NotFound("lead"));
        audit.record(SignedInUser.require().tenant(), actor, "lead.viewed", "lead", id.toString(), Map.of());
        return lead;
    }

    /**
     * Applies a change to the fields. {@code expectedVersion} is the version the caller saw (null: whatever is stored
     * now); a stale one is refused with the current version, and nothing is written. A converted lead is refused.
     */
    @Transactional
    public Lead update(UUID id, Integer expectedVersion, UnaryOperator<LeadFields> change, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Lead current = store.findVisible(id, team.recordScope())
                .filter(l -> l.deletedAt() == null)
                .orElseThrow(() -> new NotFound("lead"));
        // a data subject's restriction: stored and readable, never changed (GDPR art. 18)
        restrictions.refuseIfRestricted("lead", id);
        if (current.converted()) {
            throw new Conflict("status", "lead.converted-read-only");
        }
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailed(current.version());
        }
        LeadFields checked = checked(change.apply(LeadFields.of(current)), current.customFields());
        if (!store.update(id, checked, current.version(), user.userId())) {
            throw new PreconditionFailed(store.find(id).map(Lead::version).orElse(current.version()));
        }
        audit.record(user.tenant(), actor, "lead.updated", "lead", id.toString(), Map.of());
        Lead updated = store.find(id).orElseThrow();
        publish(user, updated, "lead.updated", history(LeadFields.of(current), checked));
        return updated;
    }

    @Transactional
    public void trash(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        if (store.findVisible(id, team.recordScope()).isPresent()) {
            restrictions.refuseIfRestricted("lead", id);
        }
        if (store.findVisible(id, team.recordScope()).isEmpty() || !store.moveToTrash(id, user.userId())) {
            throw new NotFound("lead");
        }
        audit.record(user.tenant(), actor, "lead.trashed", "lead", id.toString(), Map.of());
        publish(user, store.find(id).orElseThrow(), "lead.trashed", List.of());
    }

    @Transactional
    public Lead restore(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        if (store.findVisible(id, team.recordScope()).isEmpty() || !store.restore(id, user.userId())) {
            throw new NotFound("lead in the trash");
        }
        audit.record(user.tenant(), actor, "lead.restored", "lead", id.toString(), Map.of());
        Lead restored = store.find(id).orElseThrow();
        publish(user, restored, "lead.restored", List.of());
        return restored;
    }

    /**
     * Turns the lead into a contact, and optionally a company and a deal, in one transaction: if any part is
     * refused, nothing is made and the lead stays as it was. The lead keeps its timeline and points at what it
     * became; both the lead's and the contact's timelines show the conversion. A second conversion is a conflict.
     */
    @Transactional
    public Conversion convert(UUID id, ConvertRequest request, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Lead lead = store.findVisible(id, team.recordScope())
                .filter(l -> l.deletedAt() == null)
                .orElseThrow(() -> new NotFound("lead"));
        restrictions.refuseIfRestricted("lead", id);
        if (lead.converted()) {
            throw new Conflict("status", "lead.already-converted");
        }
        LeadConverter.Made made = converter.make(lead, request == null ? ConvertRequest.contactOnly() : request, actor);
        Conversion conversion = made.conversion();
        if (!store.markConverted(id, conversion, user.userId())) {
            // another conversion got there first and committed while this one waited for the row
            throw new Conflict("status", "lead.already-converted");
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("contactId", conversion.contactId().toString());
        if (conversion.companyId() != null) {
            details.put("companyId", conversion.companyId().toString());
        }
        if (conversion.dealId() != null) {
            details.put("dealId", conversion.dealId().toString());
        }
        audit.record(user.tenant(), actor, "lead.converted", "lead", id.toString(), details);
        Lead converted = store.find(id).orElseThrow();
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("status", lead.status(), Lead.CONVERTED));
        changes.add(new FieldChange("convertedContact", null, made.contactName()));
        if (made.companyName() != null) {
            changes.add(new FieldChange("convertedCompany", null, made.companyName()));
        }
        if (made.dealName() != null) {
            changes.add(new FieldChange("convertedDeal", null, made.dealName()));
        }
        publish(user, converted, "lead.converted", changes);
        events.publishEvent(new RecordChanged(
                user.tenant(),
                "contact",
                conversion.contactId(),
                lead.displayName(),
                "contact.converted-from-lead",
                List.of(new FieldChange("convertedFromLead", null, lead.displayName())),
                user.userId(),
                user.name(),
                converted.updatedAt()));
        return conversion;
    }

    /** Whether the lead exists for the current Client (in the trash or not), without reading it. */
    public boolean exists(UUID id) {
        return store.findVisible(id, team.recordScope()).isPresent();
    }

    public LeadPage list(LeadQuery query) {
        KeysetSort.checkedLimit(query.limit());
        LeadPage page = store.list(
                query,
                team.recordScope(),
                new Filters(filterFields()),
                LeadStore.SORTS.with(customFields.sortColumns("lead", null, Lead::customFields)),
                SignedInUser.require().userId());
        // one audit entry per list read: the record type and how many, never the values shown
        audit.record(
                SignedInUser.require().tenant(),
                Actors.current(),
                "lead.listed",
                "lead",
                null,
                Map.of("count", page.leads().size(), "trash", query.deleted()));
        return page;
    }

    /** What the filter builder offers for leads: the standard fields, then the Client's custom fields. */
    public List<FilterField> filterFields() {
        List<FilterField> fields = new ArrayList<>(LeadStore.FILTER_FIELDS);
        fields.addAll(customFields.filterFields("lead", null));
        return fields;
    }

    /** The names {@code sort} accepts, custom fields included. */
    public List<String> sortNames() {
        return LeadStore.SORTS
                .with(customFields.sortColumns("lead", null, Lead::customFields))
                .names();
    }

    private void publish(SignedInUser user, Lead lead, String kind, List<FieldChange> changes) {
        events.publishEvent(new RecordChanged(
                user.tenant(),
                "lead",
                lead.id(),
                lead.displayName(),
                kind,
                changes,
                user.userId(),
                user.name(),
                lead.updatedAt()));
    }

    /** The standard fields and the custom ones checked together, so every problem is reported at once. */
    private LeadFields checked(LeadFields fields, Map<String, Object> storedCustom) {
        LeadFields standard = null;
        Map<String, Object> custom = null;
        InvalidInput problems = null;
        try {
            standard = store.check(fields, team.memberIds());
        } catch (InvalidInput invalid) {
            problems = invalid;
        }
        try {
            custom = customFields.check("lead", fields.customFields(), storedCustom);
        } catch (InvalidInput invalid) {
            problems = InvalidInput.merge(problems, invalid);
        }
        if (problems != null) {
            throw problems;
        }
        return standard.withCustomFields(custom);
    }

    /** The field history of a change: which fields it touched, from what to what. */
    private static List<FieldChange> history(LeadFields before, LeadFields after) {
        return FieldHistory.between(before, after)
                .compare("firstName", LeadFields::firstName)
                .compare("lastName", LeadFields::lastName)
                .compare(
                        "emails",
                        f -> f.emails().stream().map(Contact.Email::address).toList())
                .compare(
                        "phones",
                        f -> f.phones().stream().map(Contact.Phone::number).toList())
                .compare("jobTitle", LeadFields::jobTitle)
                .compare("companyName", LeadFields::companyName)
                .compare("ownerId", LeadFields::ownerId)
                .compare("tags", LeadFields::tags)
                .compare("source", LeadFields::source)
                .compare("status", LeadFields::status)
                .compare("unqualifiedReason", LeadFields::unqualifiedReason)
                .compare("customFields", LeadFields::customFields)
                .changes();
    }
}
