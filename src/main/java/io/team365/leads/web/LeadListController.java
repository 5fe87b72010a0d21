package io.team365.leads.web;

import io.team365.core.BulkAction;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.paging.FilterField;
import io.team365.core.web.FormErrors;
import io.team365.core.web.ListState;
import io.team365.customfields.CustomField;
import io.team365.customfields.CustomFieldManagement;
import io.team365.identity.Actors;
import io.team365.identity.Member;
import io.team365.identity.TeamManagement;
import io.team365.leads.LeadBulkActions;
import io.team365.leads.LeadManagement;
import io.team365.leads.LeadPage;
import io.team365.leads.LeadQuery;
import io.team365.views.SavedView;
import io.team365.views.ViewManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The lead list: a table with chosen columns and a status badge, sorting from the headers, the filter builder over
 * standard and custom fields, saved views, keyset pages, and bulk actions on the selected rows.
 */
@Controller
class LeadListController {

    private static final int PAGE_SIZE = 50;

    private final LeadManagement leads;
    private final LeadBulkActions bulk;
    private final CustomFieldManagement customFields;
    private final TeamManagement team;
    private final ViewManagement views;
    private final MessageSource messages;

    LeadListController(
            LeadManagement leads,
            LeadBulkActions bulk,
            CustomFieldManagement customFields,
            TeamManagement team,
            ViewManagement views,
            MessageSource messages) {
        this.leads = leads;
        this.bulk = bulk;
        this.customFields = customFields;
        this.team = team;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/leads")
    String list(
            @RequestParam(required = false) String done,
            @RequestParam(required = false) Integer count,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        ListState state = withView(ListState.from(request));
        List<FilterField> fields = leads.filterFields();
        List<String> sortable = leads.sortNames();
        String sort = state.sort() != null && sortable.contains(state.sort().replaceFirst("^-", ""))
                ? state.sort()
                : "-updatedAt";
        FormErrors errors = FormErrors.none();
        LeadPage page;
        try {
            page = leads.list(new LeadQuery(state.q(), state.filters(), false, sort, state.cursor(), PAGE_SIZE));
        } catch (InvalidInput invalid) {
            // a condition that does not fit its field (or a stale cursor): show the builder with the reason
            errors = FormErrors.of(invalid, messages, locale);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page = new LeadPage(List.of(), null);
        }
        List<Member> members = team.members();
        Map<String, String> labels = labels(fields, locale);
        model.addAttribute("leads", page.leads());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("state", state.withSort(sort).withCursor(state.cursor()));
        model.addAttribute("sort", sort);
        model.addAttribute("fields", fields);
        model.addAttribute("fieldLabels", labels);
        model.addAttribute(
                "columns",
                new LeadColumns(LeadColumns.chosen(state.columns(), fields), labels, owners(members), sortable));
        model.addAttribute("allColumns", allColumns(fields));
        model.addAttribute("views", views.list("lead"));
        model.addAttribute("members", members);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("count", count == null ? 0 : count);
        return "leads/list";
    }

    @PostMapping("/leads/bulk")
    String bulk(
            @RequestParam(name = "ids", required = false) List<UUID> ids,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String returnTo,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String back =
                returnTo != null && returnTo.startsWith("/leads") && !returnTo.startsWith("//") ? returnTo : "/leads";
        try {
            BulkAction.Result result = bulk.apply(new BulkAction(ids, action, ownerId, tag), Actors.of(request));
            redirect.addAttribute("done", result.skipped().isEmpty() ? "bulk-done" : "bulk-partly");
            redirect.addAttribute("count", result.changed());
        } catch (InvalidInput invalid) {
            redirect.addAttribute("done", "bulk-refused");
        }
        return "redirect:" + back;
    }

    /** A saved view fills in whatever the address does not say itself. */
    private ListState withView(ListState state) {
        if (state.viewId() == null) {
            return state;
        }
        SavedView view;
        try {
            view = views.get(state.viewId());
        } catch (NotFound gone) {
            return new ListState(null, state.q(), state.sort(), state.columns(), state.filters(), null, true);
        }
        if (state.explicit() || !"lead".equals(view.object())) {
            return state;
        }
        return new ListState(view.id(), view.q(), view.sort(), view.columns(), view.filters(), state.cursor(), false);
    }

    private Map<String, String> labels(List<FilterField> fields, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("name", text("leads.name", locale));
        for (String column : LeadColumns.STANDARD) {
            labels.put(column, text("leads.column." + column, locale));
        }
        for (FilterField field : fields) {
            labels.putIfAbsent(field.name(), text("leads.column." + field.name(), locale));
        }
        for (CustomField field : customFields.list("lead")) {
            labels.put("customFields." + field.key(), field.label());
        }
        return labels;
    }

    private List<String> allColumns(List<FilterField> fields) {
        List<String> all = new ArrayList<>(LeadColumns.STANDARD);
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
}
