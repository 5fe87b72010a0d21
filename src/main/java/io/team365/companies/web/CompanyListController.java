package io.team365.companies.web;

import io.team365.companies.CompanyBulkActions;
import io.team365.companies.CompanyManagement;
import io.team365.companies.CompanyPage;
import io.team365.companies.CompanyQuery;
import io.team365.core.BulkAction;
import io.team365.core.paging.FilterField;
import io.team365.core.web.FormErrors;
import io.team365.core.web.ListState;
import io.team365.core.web.PageContext;
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
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The company list: chosen columns, sorting, the filter builder, saved views, keyset pages and bulk actions. */
@Controller
class CompanyListController {

    private static final int PAGE_SIZE = 50;

    private final CompanyManagement companies;
    private final CompanyBulkActions bulk;
    private final CustomFieldManagement customFields;
    private final TeamManagement team;
    private final ViewManagement views;
    private final ListPages lists;

    CompanyListController(
            CompanyManagement companies,
            CompanyBulkActions bulk,
            CustomFieldManagement customFields,
            TeamManagement team,
            ViewManagement views,
            ListPages lists) {
        this.companies = companies;
        this.bulk = bulk;
        this.customFields = customFields;
        this.team = team;
        this.views = views;
        this.lists = lists;
    }

    @GetMapping("/companies")
    String list(
            @RequestParam(required = false) String done,
            @RequestParam(required = false) Integer count,
            @ModelAttribute("page") PageContext page,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        ListState state = views.resolve(ListState.from(request));
        List<FilterField> fields = companies.filterFields();
        List<String> sortable = companies.sortNames();
        String sort = ListPages.sort(state, sortable);
        ListPages.Found<CompanyPage> result = lists.find(
                state,
                cursor -> companies.list(CompanyQuery.of(state.q(), state.filters(), sort, cursor, PAGE_SIZE)),
                new CompanyPage(List.of(), null),
                response,
                locale);
        CompanyPage found = result.page();
        FormErrors errors = result.errors();
        List<Member> members = team.members();
        Map<String, String> labels = labels(fields, locale);
        List<String> shown = CompanyColumns.chosen(state.columns(), fields);
        model.addAttribute("companies", found.companies());
        model.addAttribute(
                "table",
                CompanyColumns.table(
                        found.companies(),
                        shown,
                        labels,
                        members.stream().collect(Collectors.toMap(Member::userId, Member::name, (a, b) -> a)),
                        sortable,
                        page));
        model.addAttribute("nextCursor", found.nextCursor());
        model.addAttribute("state", state.withSort(sort).withCursor(state.cursor()));
        model.addAttribute("sort", sort);
        model.addAttribute("fields", fields);
        model.addAttribute("labels", labels);
        model.addAttribute("shown", shown);
        model.addAttribute("allColumns", CompanyColumns.all(fields));
        model.addAttribute("views", views.list("company"));
        model.addAttribute("members", members);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("count", count == null ? 0 : count);
        return "companies/list";
    }

    @PostMapping("/companies/bulk")
    String bulk(
            @RequestParam(name = "ids", required = false) List<UUID> ids,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String returnTo,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return ListPages.afterBulk(
                "/companies",
                returnTo,
                () -> bulk.apply(new BulkAction(ids, action, ownerId, tag), Actors.of(request)),
                redirect);
    }

    private Map<String, String> labels(List<FilterField> fields, Locale locale) {
        return lists.labels(
                "companies.name", "companies", CompanyColumns.STANDARD, fields, customFields.list("company"), locale);
    }
}
