package io.team365.contacts.web;

import io.team365.companies.CompanyManagement;
import io.team365.contacts.Contact;
import io.team365.contacts.ContactBulkActions;
import io.team365.contacts.ContactManagement;
import io.team365.contacts.ContactPage;
import io.team365.contacts.ContactQuery;
import io.team365.core.BulkAction;
import io.team365.core.InvalidInput;
import io.team365.core.paging.FilterField;
import io.team365.core.web.FormErrors;
import io.team365.core.web.ListState;
import io.team365.customfields.CustomField;
import io.team365.customfields.CustomFieldManagement;
import io.team365.identity.Actors;
import io.team365.identity.Member;
import io.team365.identity.TeamManagement;
import io.team365.views.ViewManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact list: a table with chosen columns, sorting from the headers, a filter builder over the standard and
 * custom fields, saved views, keyset pages, and bulk actions on the selected rows.
 */
@Controller
class ContactListController {

    private static final int PAGE_SIZE = 50;

    private final ContactManagement contacts;
    private final ContactBulkActions bulk;
    private final CustomFieldManagement customFields;
    private final TeamManagement team;
    private final CompanyManagement companyNames;
    private final ViewManagement views;
    private final MessageSource messages;

    ContactListController(
            ContactManagement contacts,
            ContactBulkActions bulk,
            CustomFieldManagement customFields,
            TeamManagement team,
            CompanyManagement companyNames,
            ViewManagement views,
            MessageSource messages) {
        this.contacts = contacts;
        this.bulk = bulk;
        this.customFields = customFields;
        this.team = team;
        this.companyNames = companyNames;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/contacts")
    String list(
            @RequestParam(required = false) String done,
            @RequestParam(required = false) Integer count,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        ListState state = views.resolve(ListState.from(request));
        List<FilterField> fields = contacts.filterFields();
        List<String> sortable = contacts.sortNames();
        String sort = state.sort() != null && sortable.contains(state.sort().replaceFirst("^-", ""))
                ? state.sort()
                : "-updatedAt";
        FormErrors errors = FormErrors.none();
        ContactPage page;
        try {
            page = contacts.list(new ContactQuery(state.q(), state.filters(), false, sort, state.cursor(), PAGE_SIZE));
        } catch (InvalidInput invalid) {
            if (state.cursor() != null
                    && invalid.errors().stream().allMatch(e -> e.field().equals("cursor"))) {
                // a cursor from an old bookmark that no longer parses starts again at the first page
                page = contacts.list(new ContactQuery(state.q(), state.filters(), false, sort, null, PAGE_SIZE));
            } else {
                // a condition that does not fit its field: show the builder with the reason
                errors = FormErrors.of(invalid, messages, locale);
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                page = new ContactPage(List.of(), null);
            }
        }
        List<String> chosen = ContactColumns.chosen(state.columns(), fields);
        List<Member> members = team.members();
        model.addAttribute("contacts", page.contacts());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("state", state.withSort(sort).withCursor(state.cursor()));
        model.addAttribute("sort", sort);
        model.addAttribute("fields", fields);
        model.addAttribute("fieldLabels", labels(fields, locale));
        model.addAttribute(
                "columns",
                new ContactColumns(chosen, labels(fields, locale), owners(members), companies(page), sortable));
        model.addAttribute("allColumns", allColumns(fields));
        model.addAttribute("views", views.list("contact"));
        model.addAttribute("members", members);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("count", count == null ? 0 : count);
        return "contacts/list";
    }

    @PostMapping("/contacts/bulk")
    String bulk(
            @RequestParam(name = "ids", required = false) List<UUID> ids,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String returnTo,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String back = returnTo != null && returnTo.startsWith("/contacts") && !returnTo.startsWith("//")
                ? returnTo
                : "/contacts";
        try {
            BulkAction.Result result = bulk.apply(new BulkAction(ids, action, ownerId, tag), Actors.of(request));
            redirect.addAttribute("done", result.skipped().isEmpty() ? "bulk-done" : "bulk-partly");
            redirect.addAttribute("count", result.changed());
        } catch (InvalidInput invalid) {
            redirect.addAttribute("done", "bulk-refused");
        }
        return "redirect:" + back;
    }

    private Map<String, String> labels(List<FilterField> fields, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("name", text("contacts.name", locale));
        for (String column : ContactColumns.STANDARD) {
            labels.put(column, text("contacts.column." + column, locale));
        }
        for (FilterField field : fields) {
            labels.putIfAbsent(field.name(), text("contacts.column." + field.name(), locale));
        }
        for (CustomField field : customFields.list("contact")) {
            labels.put("customFields." + field.key(), field.label());
        }
        return labels;
    }

    private List<String> allColumns(List<FilterField> fields) {
        List<String> all = new java.util.ArrayList<>(ContactColumns.STANDARD);
        fields.stream()
                .map(FilterField::name)
                .filter(name -> name.startsWith("customFields."))
                .forEach(all::add);
        return all;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static Map<UUID, String> owners(List<Member> members) {
        return members.stream().collect(Collectors.toMap(Member::userId, Member::name, (a, b) -> a));
    }

    /** The names of the page's companies, in one query. */
    private Map<UUID, String> companies(ContactPage page) {
        return companyNames.names(page.contacts().stream()
                .map(Contact::companyId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
    }
}
