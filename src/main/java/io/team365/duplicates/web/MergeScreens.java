package io.team365.duplicates.web;

import io.team365.audit.AuditTrail;
import io.team365.companies.Company;
import io.team365.companies.CompanyManagement;
import io.team365.companies.CompanyMerge;
import io.team365.contacts.Contact;
import io.team365.contacts.ContactMerge;
import io.team365.contacts.SocialLink;
import io.team365.core.MergeRequest;
import io.team365.customfields.CustomField;
import io.team365.customfields.CustomFieldManagement;
import io.team365.duplicates.DuplicateReview;
import io.team365.identity.Member;
import io.team365.identity.TeamManagement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Makes the merge screen of contacts or companies from what is stored now, and runs the merge it submits. */
@Component
class MergeScreens {

    private final ContactMerge contacts;
    private final CompanyMerge companies;
    private final CompanyManagement companyNames;
    private final TeamManagement team;
    private final CustomFieldManagement customFields;
    private final DuplicateReview review;

    MergeScreens(
            ContactMerge contacts,
            CompanyMerge companies,
            CompanyManagement companyNames,
            TeamManagement team,
            CustomFieldManagement customFields,
            DuplicateReview review) {
        this.contacts = contacts;
        this.companies = companies;
        this.companyNames = companyNames;
        this.team = team;
        this.customFields = customFields;
        this.review = review;
    }

    /** The survivor's id after the merge. */
    UUID merge(String type, UUID survivor, MergeRequest request, AuditTrail.Actor actor) {
        return "contact".equals(type)
                ? contacts.merge(survivor, request, actor).id()
                : companies.merge(survivor, request, actor).id();
    }

    /** 2 to 5 records the caller may see, or 404; the survivor is the first unless another of them is named. */
    MergeScreen of(String type, List<UUID> ids, UUID survivor) {
        if (ids.size() < 2 || ids.size() > MergeRequest.MAX_RECORDS) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        UUID keep = survivor != null && ids.contains(survivor) ? survivor : ids.getFirst();
        MergeScreen screen = "contact".equals(type) ? contactScreen(ids, keep) : companyScreen(ids, keep);
        if (screen.columns().size() != ids.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return screen;
    }

    private MergeScreen contactScreen(List<UUID> ids, UUID keep) {
        List<Contact> records = contacts.visible(ids);
        Map<UUID, String> members = memberNames();
        Map<UUID, String> companyTitles = companyNames.names(records.stream()
                .map(Contact::companyId)
                .filter(Objects::nonNull)
                .toList());
        List<MergeScreen.Row> rows = new ArrayList<>();
        rows.add(row("firstName", records, keep, Contact::id, Contact::firstName));
        rows.add(row("lastName", records, keep, Contact::id, Contact::lastName));
        rows.add(row("primaryEmail", records, keep, Contact::id, Contact::primaryEmail));
        rows.add(row("jobTitle", records, keep, Contact::id, Contact::jobTitle));
        rows.add(row("companyId", records, keep, Contact::id, c -> name(companyTitles, c.companyId())));
        rows.add(row("ownerId", records, keep, Contact::id, c -> name(members, c.ownerId())));
        rows.add(row("source", records, keep, Contact::id, Contact::source));
        rows.add(row("address", records, keep, Contact::id, c -> c.address().oneLine()));
        addCustom(rows, "contact", records, keep, Contact::id, Contact::customFields);
        List<MergeScreen.Combined> combined = List.of(
                combined("emails", records, c -> c.emails().stream().map(Contact.Email::address)),
                combined("phones", records, c -> c.phones().stream().map(Contact.Phone::number)),
                combined("tags", records, c -> c.tags().stream()),
                combined("socialLinks", records, c -> c.socialLinks().stream().map(SocialLink::url)));
        List<MergeScreen.Column> columns = records.stream()
                .map(c -> new MergeScreen.Column(c.id(), c.displayName(), c.version()))
                .toList();
        return new MergeScreen(
                "contact", "/contacts", columns, keep, rows, combined, review.related("contact", ids), null);
    }

    private MergeScreen companyScreen(List<UUID> ids, UUID keep) {
        List<Company> records = companies.visible(ids);
        Map<UUID, String> members = memberNames();
        List<MergeScreen.Row> rows = new ArrayList<>();
        rows.add(row("name", records, keep, Company::id, Company::name));
        rows.add(row("domain", records, keep, Company::id, Company::domain));
        rows.add(row("website", records, keep, Company::id, Company::website));
        rows.add(row("phone", records, keep, Company::id, Company::phone));
        rows.add(row("industry", records, keep, Company::id, Company::industry));
        rows.add(row("size", records, keep, Company::id, Company::size));
        rows.add(row("address", records, keep, Company::id, c -> c.address().oneLine()));
        rows.add(row("ownerId", records, keep, Company::id, c -> name(members, c.ownerId())));
        addCustom(rows, "company", records, keep, Company::id, Company::customFields);
        List<MergeScreen.Combined> combined = List.of(combined("tags", records, c -> c.tags().stream()));
        List<MergeScreen.Column> columns = records.stream()
                .map(c -> new MergeScreen.Column(c.id(), c.name(), c.version()))
                .toList();
        return new MergeScreen(
                "company", "/companies", columns, keep, rows, combined, review.related("company", ids), null);
    }

    private <T> void addCustom(
            List<MergeScreen.Row> rows,
            String object,
            List<T> records,
            UUID keep,
            Function<T, UUID> id,
            Function<T, Map<String, Object>> values) {
        for (CustomField field : customFields.list(object)) {
            boolean any = records.stream().anyMatch(r -> values.apply(r).get(field.key()) != null);
            if (any) {
                rows.add(MergeScreen.row("customFields." + field.key(), field.label(), records, keep, id, r -> {
                    Object value = values.apply(r).get(field.key());
                    return value == null ? null : String.valueOf(value);
                }));
            }
        }
    }

    private static <T> MergeScreen.Row row(
            String field, List<T> records, UUID keep, Function<T, UUID> id, Function<T, String> value) {
        return MergeScreen.row(field, "duplicates.field." + field, records, keep, id, value);
    }

    private static <T> MergeScreen.Combined combined(
            String field, List<T> records, Function<T, java.util.stream.Stream<String>> values) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        records.stream().flatMap(values).filter(Objects::nonNull).forEach(v -> {
            if (seen.add(v.toLowerCase(Locale.ROOT))) {
                all.add(v);
            }
        });
        return new MergeScreen.Combined("duplicates.field." + field, all);
    }

    private Map<UUID, String> memberNames() {
        return team.members().stream()
                .collect(Collectors.toMap(Member::userId, m -> m.name() == null ? m.email() : m.name(), (a, b) -> a));
    }

    private static String name(Map<UUID, String> names, UUID id) {
        return id == null ? null : names.getOrDefault(id, id.toString());
    }
}
