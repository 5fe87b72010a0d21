package io.team365.contacts.web;

import io.team365.companies.CompanyManagement;
import io.team365.contacts.Contact;
import io.team365.contacts.ContactBulkActions;
import io.team365.contacts.ContactManagement;
import io.team365.contacts.ContactPage;
import io.team365.contacts.ContactQuery;
import io.team365.core.BulkAction;
import io.team365.core.paging.FilterField;
import io.team365.core.web.FormErrors;
import io.team365.core.web.ListState;
import io.team365.customfields.CustomFieldManagement;
import io.team365.identity.Actors;
import io.team365.identity.Member;
import io.team365.identity.TeamManagement;
import io.team365.views.ListPages;
import io.team365.views.ViewManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
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
    private final ListPages lists;

    ContactListController(
            ContactManagement contacts,
            ContactBulkActions bulk,
            CustomFieldManagement customFields,
            TeamManagement team,
            CompanyManagement companyNames,
            ViewManagement views,
            ListPages lists) {
        this.contacts = contacts;
        this.bulk = bulk;
        this.customFields = customFields;
        this.team = team;
        this.companyNames = companyNames;
        this.views = views;
        this.lists = lists;
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
        String sort = ListPages.sort(state, sortable);
        ListPages.Found<ContactPage> found = lists.find(
                state,
                cursor -> contacts.list(new ContactQuery(state.q(), state.filters(), false, sort, cursor, PAGE_SIZE)),
                new ContactPage(List.of(), null),
                response,
                locale);
        ContactPage page = found.page();
        FormErrors errors = found.errors();
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
        return ListPages.afterBulk(
                "/contacts",
                returnTo,
                () -> bulk.apply(new BulkAction(ids, action, ownerId, tag), Actors.of(request)),
                redirect);
    }

    private Map<String, String> labels(List<FilterField> fields, Locale locale) {
        return lists.labels(
                "contacts.name", "contacts", ContactColumns.STANDARD, fields, customFields.list("contact"), locale);
    }

    private List<String> allColumns(List<FilterField> fields) {
        List<String> all = new java.util.ArrayList<>(ContactColumns.STANDARD);
        fields.stream()
                .map(FilterField::name)
                .filter(name -> name.startsWith("customFields."))
                .forEach(all::add);
        return all;
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
