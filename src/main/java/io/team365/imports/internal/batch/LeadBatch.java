package io.team365.imports.internal.batch;

import io.team365.contacts.Contact;
import io.team365.core.ProcessingRestrictions;
import io.team365.core.TenantId;
import io.team365.leads.Lead;
import io.team365.leads.LeadFields;
import io.team365.leads.LeadImports;
import io.team365.privacy.ConsentManagement;
import io.team365.privacy.SuppressionList;
import io.team365.privacy.ValueSources;
import io.team365.search.RecordKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/** Leads from a file: like contacts, with the company as a name and a status; converted leads are never updated. */
@Component
public class LeadBatch extends PeopleBatch<LeadFields, Lead> {

    private final LeadImports leads;

    LeadBatch(
            LeadImports leads,
            RecordKeys keys,
            SuppressionList suppression,
            ValueSources sources,
            ConsentManagement consent,
            ProcessingRestrictions restrictions,
            CompanyLinks companies,
            RowNotes notes,
            Reasons reasons) {
        super(keys, suppression, sources, consent, restrictions, companies, notes, reasons);
        this.leads = leads;
    }

    @Override
    public io.team365.imports.ImportObject object() {
        return io.team365.imports.ImportObject.LEADS;
    }

    @Override
    String recordType() {
        return "lead";
    }

    @Override
    UnaryOperator<LeadFields> checker(UUID owner) {
        return leads.checker(owner);
    }

    @Override
    LeadFields build(MappedRow row, BatchContext context) {
        String first = row.one("firstName");
        String last = row.one("lastName");
        if (first == null && last == null && row.has("fullName")) {
            String[] names = Names.split(row.one("fullName"));
            first = names[0];
            last = names[1];
        }
        List<Contact.Email> emails = new ArrayList<>();
        for (String email : Values.emails(row.all("email"))) {
            emails.add(new Contact.Email(email, null, emails.isEmpty()));
        }
        List<Contact.Phone> phones = Values.phones(row.all("phone"), context.region()).stream()
                .map(p -> new Contact.Phone(p, null))
                .toList();
        String status = row.one("status");
        return new LeadFields(
                first,
                last,
                emails,
                phones,
                row.one("jobTitle"),
                row.one("company"),
                context.owner(),
                Values.tags(row.all("tags")),
                row.one("source"),
                Values.leadStatus(status),
                null,
                row.custom());
    }

    @Override
    List<String> emails(LeadFields fields) {
        return fields.emails().stream().map(Contact.Email::address).toList();
    }

    @Override
    List<String> phones(LeadFields fields) {
        return fields.phones().stream().map(Contact.Phone::number).toList();
    }

    @Override
    String companyName(MappedRow row) {
        return null; // a lead keeps its company's name as text
    }

    @Override
    LeadFields withCompany(LeadFields fields, UUID companyId) {
        return fields;
    }

    @Override
    boolean linksCompaniesByDomain() {
        return false;
    }

    @Override
    List<Lead> find(Collection<UUID> ids) {
        return leads.find(ids);
    }

    @Override
    UUID idOf(Lead record) {
        return record.id();
    }

    @Override
    LeadFields fieldsOf(Lead r) {
        return new LeadFields(
                r.firstName(),
                r.lastName(),
                r.emails(),
                r.phones(),
                r.jobTitle(),
                r.companyName(),
                r.ownerId(),
                r.tags(),
                r.source(),
                r.status(),
                r.unqualifiedReason(),
                r.customFields());
    }

    @Override
    LeadFields merge(LeadFields base, LeadFields in) {
        List<Contact.Email> added = in.emails().stream()
                .map(e ->
                        new Contact.Email(e.address(), e.label(), base.emails().isEmpty() && e.primary()))
                .toList();
        Map<String, Object> custom = new LinkedHashMap<>(base.customFields());
        custom.putAll(in.customFields());
        // a status from the file replaces the stored one only when it was given (the checked default is "new")
        boolean statusGiven = in.status() != null && !"new".equals(in.status());
        return new LeadFields(
                either(in.firstName(), base.firstName()),
                either(in.lastName(), base.lastName()),
                union(base.emails(), added, Contact.Email::address, 10),
                union(base.phones(), in.phones(), p -> RecordKeys.phoneKey(p.number()), 10),
                either(in.jobTitle(), base.jobTitle()),
                either(in.companyName(), base.companyName()),
                base.ownerId(),
                union(base.tags(), in.tags(), t -> t, 20),
                either(in.source(), base.source()),
                statusGiven && !"unqualified".equals(in.status()) ? in.status() : base.status(),
                base.unqualifiedReason(),
                custom);
    }

    @Override
    void insert(TenantId tenant, Map<UUID, LeadFields> records, UUID by) {
        leads.insert(
                tenant,
                records.entrySet().stream()
                        .map(e -> new LeadImports.Draft(e.getKey(), e.getValue()))
                        .toList(),
                by);
    }

    @Override
    void update(Map<UUID, LeadFields> records, UUID by) {
        leads.update(
                records.entrySet().stream()
                        .map(e -> new LeadImports.Draft(e.getKey(), e.getValue()))
                        .toList(),
                by);
    }
}
