package io.team365.imports.internal.batch;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactFields;
import io.team365.contacts.ContactImports;
import io.team365.contacts.SocialLink;
import io.team365.core.PostalAddress;
import io.team365.core.ProcessingRestrictions;
import io.team365.core.TenantId;
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

/** Contacts from a file: names, emails, phones, job, company (linked or created), address, links, tags. */
@Component
public class ContactBatch extends PeopleBatch<ContactFields, Contact> {

    private final ContactImports contacts;

    ContactBatch(
            ContactImports contacts,
            RecordKeys keys,
            SuppressionList suppression,
            ValueSources sources,
            ConsentManagement consent,
            ProcessingRestrictions restrictions,
            CompanyLinks companies,
            RowNotes notes,
            Reasons reasons) {
        super(keys, suppression, sources, consent, restrictions, companies, notes, reasons);
        this.contacts = contacts;
    }

    @Override
    public io.team365.imports.ImportObject object() {
        return io.team365.imports.ImportObject.CONTACTS;
    }

    @Override
    String recordType() {
        return "contact";
    }

    @Override
    UnaryOperator<ContactFields> checker(UUID owner) {
        return contacts.checker(owner);
    }

    @Override
    ContactFields build(MappedRow row, BatchContext context) {
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
        List<SocialLink> links = new ArrayList<>();
        if (row.has("linkedin")) {
            links.add(new SocialLink("linkedin", Values.url(row.one("linkedin"))));
        }
        if (row.has("website")) {
            String url = Values.url(row.one("website"));
            links.add(new SocialLink(SocialLink.networkOf(url), url));
        }
        PostalAddress address = new PostalAddress(
                row.one("street"),
                row.one("city"),
                row.one("region"),
                row.one("postalCode"),
                Values.country(row.one("country")));
        return new ContactFields(
                first,
                last,
                emails,
                phones,
                row.one("jobTitle"),
                null,
                context.owner(),
                Values.tags(row.all("tags")),
                row.one("source"),
                row.custom(),
                address,
                links);
    }

    @Override
    List<String> emails(ContactFields fields) {
        return fields.emails().stream().map(Contact.Email::address).toList();
    }

    @Override
    List<String> phones(ContactFields fields) {
        return fields.phones().stream().map(Contact.Phone::number).toList();
    }

    @Override
    String companyName(MappedRow row) {
        return row.one("company");
    }

    @Override
    ContactFields withCompany(ContactFields f, UUID companyId) {
        return new ContactFields(
                f.firstName(),
                f.lastName(),
                f.emails(),
                f.phones(),
                f.jobTitle(),
                companyId,
                f.ownerId(),
                f.tags(),
                f.source(),
                f.customFields(),
                f.address(),
                f.socialLinks());
    }

    @Override
    boolean linksCompaniesByDomain() {
        return true;
    }

    @Override
    List<Contact> find(Collection<UUID> ids) {
        return contacts.find(ids);
    }

    @Override
    UUID idOf(Contact record) {
        return record.id();
    }

    @Override
    ContactFields fieldsOf(Contact record) {
        return ContactFields.of(record);
    }

    @Override
    ContactFields merge(ContactFields base, ContactFields in) {
        List<Contact.Email> added = in.emails().stream()
                .map(e ->
                        new Contact.Email(e.address(), e.label(), base.emails().isEmpty() && e.primary()))
                .toList();
        Map<String, Object> custom = new LinkedHashMap<>(base.customFields());
        custom.putAll(in.customFields());
        PostalAddress a = base.address();
        PostalAddress b = in.address();
        return new ContactFields(
                either(in.firstName(), base.firstName()),
                either(in.lastName(), base.lastName()),
                union(base.emails(), added, Contact.Email::address, 10),
                union(base.phones(), in.phones(), p -> RecordKeys.phoneKey(p.number()), 10),
                either(in.jobTitle(), base.jobTitle()),
                either(in.companyId(), base.companyId()),
                base.ownerId(),
                union(base.tags(), in.tags(), t -> t, 20),
                either(in.source(), base.source()),
                custom,
                new PostalAddress(
                        either(b.street(), a.street()),
                        either(b.city(), a.city()),
                        either(b.region(), a.region()),
                        either(b.postalCode(), a.postalCode()),
                        either(b.country(), a.country())),
                union(base.socialLinks(), in.socialLinks(), SocialLink::url, 10));
    }

    @Override
    void insert(TenantId tenant, Map<UUID, ContactFields> records, UUID by) {
        contacts.insert(
                tenant,
                records.entrySet().stream()
                        .map(e -> new ContactImports.Draft(e.getKey(), e.getValue()))
                        .toList(),
                by);
    }

    @Override
    void update(Map<UUID, ContactFields> records, UUID by) {
        contacts.update(
                records.entrySet().stream()
                        .map(e -> new ContactImports.Draft(e.getKey(), e.getValue()))
                        .toList(),
                by);
    }
}
