package io.team365.leads;

import io.team365.audit.AuditTrail;
import io.team365.companies.Company;
import io.team365.companies.CompanyFields;
import io.team365.companies.CompanyManagement;
import io.team365.contacts.Contact;
import io.team365.contacts.ContactFields;
import io.team365.contacts.ContactManagement;
import io.team365.core.InvalidInput;
import io.team365.core.Money;
import io.team365.customfields.CustomField;
import io.team365.customfields.CustomFieldManagement;
import io.team365.deals.Deal;
import io.team365.deals.DealFields;
import io.team365.deals.DealManagement;
import io.team365.identity.TeamManagement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Makes the records a lead becomes, through the owning modules' services so each is checked, audited and on its
 * timeline like any other new record. It runs inside {@link LeadManagement#convert}'s transaction: whatever it made
 * is rolled back with everything else when a later part is refused. Problems are named as the convert request
 * names the parts ({@code company.name}, {@code contact.customFields.size}, {@code deal.value.amount}).
 */
@Component
class LeadConverter {

    /** What was made, and the names the lead's timeline shows for it. */
    record Made(Conversion conversion, String contactName, String companyName, String dealName) {}

    private final ContactManagement contacts;
    private final CompanyManagement companies;
    private final CustomFieldManagement customFields;
    private final TeamManagement team;
    private final DealManagement deals;

    LeadConverter(
            ContactManagement contacts,
            CompanyManagement companies,
            CustomFieldManagement customFields,
            TeamManagement team,
            DealManagement deals) {
        this.deals = deals;
        this.contacts = contacts;
        this.companies = companies;
        this.customFields = customFields;
        this.team = team;
    }

    Made make(Lead lead, ConvertRequest request, AuditTrail.Actor actor) {
        UUID owner = lead.ownerId() != null && team.memberIds().contains(lead.ownerId()) ? lead.ownerId() : null;
        Company company = company(lead, request.company(), owner, actor);
        Contact contact = prefixed(
                "contact",
                () -> contacts.create(
                        new ContactFields(
                                lead.firstName(),
                                lead.lastName(),
                                lead.emails(),
                                lead.phones(),
                                lead.jobTitle(),
                                company == null ? null : company.id(),
                                owner,
                                lead.tags(),
                                lead.source(),
                                carriedCustomFields(lead),
                                null,
                                null),
                        actor));
        Deal deal = request.deal() == null
                ? null
                : prefixed("deal", () -> deal(lead, request.deal(), company, contact, owner, actor));
        return new Made(
                new Conversion(contact.id(), company == null ? null : company.id(), deal == null ? null : deal.id()),
                contact.displayName(),
                company == null ? null : company.name(),
                deal == null ? null : deal.name());
    }

    /**
     * A deal with the new contact (and company), named after the company or the lead when no name is given. It is
     * made last, so a refused deal shows that nothing made before it stays.
     */
    private Deal deal(
            Lead lead,
            ConvertRequest.DealPart part,
            Company company,
            Contact contact,
            UUID owner,
            AuditTrail.Actor actor) {
        Money value = part.value() == null
                ? null
                : Money.of(part.value().amount(), part.value().currency(), "value");
        String name = part.name() != null && !part.name().isBlank()
                ? part.name()
                : company != null
                        ? company.name()
                        : lead.companyName() != null ? lead.companyName() : lead.displayName();
        return deals.create(
                new DealFields(
                        name,
                        part.pipelineId(),
                        part.stageId(),
                        value,
                        part.closeDate(),
                        company == null ? null : company.id(),
                        List.of(contact.id()),
                        owner,
                        lead.tags(),
                        null,
                        null,
                        null),
                actor);
    }

    /** A new company, an existing one the caller may see (not in the trash), or none. */
    private Company company(Lead lead, ConvertRequest.CompanyPart part, UUID owner, AuditTrail.Actor actor) {
        if (part == null || (!part.creates() && part.id() == null)) {
            return null;
        }
        if (part.creates() && part.id() != null) {
            throw InvalidInput.of("company", "lead.company-choice");
        }
        if (part.id() != null) {
            // the same answer for a missing, foreign, hidden or trashed company: nothing about it leaks
            return companies
                    .find(part.id())
                    .filter(c -> c.deletedAt() == null)
                    .orElseThrow(() -> InvalidInput.of("company.id", "lead.unknown-company"));
        }
        String name = part.name() == null || part.name().isBlank() ? lead.companyName() : part.name();
        return prefixed(
                "company",
                () -> companies.create(
                        new CompanyFields(name, null, null, null, null, null, null, owner, null, null), actor));
    }

    /**
     * The lead's custom values whose key is also a contact custom field of the same type; others stay on the lead
     * (a value of another type would be refused by the contact's field and stop the conversion).
     */
    private Map<String, Object> carriedCustomFields(Lead lead) {
        Map<String, CustomField> contactFields =
                customFields.list("contact").stream().collect(Collectors.toMap(CustomField::key, Function.identity()));
        Map<String, CustomField> leadFields =
                customFields.list("lead").stream().collect(Collectors.toMap(CustomField::key, Function.identity()));
        Map<String, Object> carried = new LinkedHashMap<>();
        lead.customFields().forEach((key, value) -> {
            CustomField target = contactFields.get(key);
            CustomField source = leadFields.get(key);
            if (target != null && source != null && target.type() == source.type()) {
                carried.put(key, value);
            }
        });
        return carried;
    }

    /** Runs a part, naming its problems under the part's name in the request. */
    private static <T> T prefixed(String part, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidInput invalid) {
            List<InvalidInput.FieldError> errors = new ArrayList<>();
            invalid.errors()
                    .forEach(e ->
                            errors.add(new InvalidInput.FieldError(part + "." + e.field(), e.messageKey(), e.args())));
            throw new InvalidInput(errors);
        }
    }
}
