package io.team365.deals.web;

import io.team365.core.BulkAction;
import io.team365.core.RecordLinks;
import io.team365.core.RecordRef;
import io.team365.core.paging.FilterField;
import io.team365.core.paging.Filters;
import io.team365.core.web.FormErrors;
import io.team365.core.web.ListState;
import io.team365.core.web.PageContext;
import io.team365.customfields.CustomFieldManagement;
import io.team365.deals.Deal;
import io.team365.deals.DealBulkActions;
import io.team365.deals.DealManagement;
import io.team365.deals.DealPage;
import io.team365.deals.DealQuery;
import io.team365.deals.Pipeline;
import io.team365.deals.PipelineManagement;
import io.team365.identity.Actors;
import io.team365.identity.Member;
import io.team365.identity.TeamManagement;
import io.team365.views.ListPages;
import io.team365.views.ViewManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deal list beside the board: chosen columns, sorting, the filter builder, saved views, keyset pages and bulk
 * actions. It lives at {@code /deals/list} because {@code /deals} is the board, whose {@code view} parameter the
 * saved views' {@code view=<id>} would otherwise collide with.
 */
@Controller
class DealListController {

    static final String PATH = "/deals/list";
    private static final int PAGE_SIZE = 50;

    private final DealManagement deals;
    private final DealBulkActions bulk;
    private final PipelineManagement pipelines;
    private final CustomFieldManagement customFields;
    private final TeamManagement team;
    private final ViewManagement views;
    private final ListPages lists;
    private final RecordLinks records;

    DealListController(
            DealManagement deals,
            DealBulkActions bulk,
            PipelineManagement pipelines,
            CustomFieldManagement customFields,
            TeamManagement team,
            ViewManagement views,
            ListPages lists,
            RecordLinks records) {
        this.deals = deals;
        this.bulk = bulk;
        this.pipelines = pipelines;
        this.customFields = customFields;
        this.team = team;
        this.views = views;
        this.lists = lists;
        this.records = records;
    }

    @GetMapping(PATH)
    String list(
            @RequestParam(required = false) String done,
            @RequestParam(required = false) Integer count,
            @ModelAttribute("page") PageContext page,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        ListState state = views.resolve(ListState.from(request));
        List<FilterField> fields = deals.filterFields();
        List<String> sortable = deals.sortNames();
        String sort = ListPages.sort(state, sortable);
        ListPages.Found<DealPage> result = lists.find(
                state,
                cursor -> deals.list(DealQuery.of(state.q(), state.filters(), sort, cursor, PAGE_SIZE)),
                new DealPage(List.of(), null),
                response,
                locale);
        DealPage found = result.page();
        FormErrors errors = result.errors();
        List<Pipeline> all = pipelines.list();
        List<Member> members = team.members();
        Map<String, String> labels = labels(fields, locale);
        List<String> shown = DealColumns.chosen(state.columns(), fields);
        DealColumns.Lookups lookups = new DealColumns.Lookups(
                all.stream().collect(Collectors.toMap(Pipeline::id, Function.identity())),
                companies(found.deals()),
                members.stream().collect(Collectors.toMap(Member::userId, Member::name, (a, b) -> a)));
        model.addAttribute("deals", found.deals());
        model.addAttribute("table", DealColumns.table(found.deals(), shown, labels, lookups, sortable, page));
        model.addAttribute("nextCursor", found.nextCursor());
        model.addAttribute("state", state.withSort(sort).withCursor(state.cursor()));
        model.addAttribute("sort", sort);
        model.addAttribute("fields", fields);
        model.addAttribute("labels", labels);
        model.addAttribute("shown", shown);
        model.addAttribute("allColumns", DealColumns.all(fields));
        model.addAttribute("views", views.list("deal"));
        model.addAttribute("members", members);
        model.addAttribute("pipelines", all);
        model.addAttribute("pipeline", all.getFirst());
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("count", count == null ? 0 : count);
        return "deals/list";
    }

    @PostMapping(PATH + "/bulk")
    String bulk(
            @RequestParam(name = "ids", required = false) List<UUID> ids,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String returnTo,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return ListPages.afterBulk(
                PATH,
                returnTo,
                () -> bulk.apply(new BulkAction(ids, action, ownerId, tag), Actors.of(request)),
                redirect);
    }

    /**
     * Where an address of {@code /deals} that asks for the list goes: a saved view ({@code view=<id>}, as the views
     * module links it), or the old {@code view=list} with its pipeline and status, turned into builder conditions.
     */
    static String listAddress(HttpServletRequest request) {
        ListState state = ListState.from(request);
        List<Filters.Condition> filters = new ArrayList<>(state.filters());
        if ("list".equals(request.getParameter("view"))) {
            String pipeline = request.getParameter("pipelineId");
            if (pipeline != null && pipeline.matches("[0-9a-fA-F-]{36}")) {
                filters.add(new Filters.Condition("pipelineId", "eq", pipeline));
            }
            String status = request.getParameter("status");
            if (status != null && List.of("open", "won", "lost").contains(status)) {
                filters.add(new Filters.Condition("status", "eq", status));
            }
        }
        String address = new ListState(
                        state.viewId(), state.q(), state.sort(), state.columns(), filters, state.cursor(), true)
                .href(PATH);
        String done = request.getParameter("done");
        if (done != null && done.matches("[a-z-]{1,40}")) {
            address += (address.contains("?") ? "&" : "?") + "done=" + done;
        }
        return address;
    }

    /** The deals' companies as links, each looked up once however many deals share it. */
    private Map<UUID, RecordRef> companies(List<Deal> shown) {
        Map<UUID, RecordRef> companies = new HashMap<>();
        shown.stream()
                .map(Deal::companyId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(id -> records.find("company", id).ifPresent(ref -> companies.put(id, ref)));
        return companies;
    }

    private Map<String, String> labels(List<FilterField> fields, Locale locale) {
        return lists.labels("deals.col.name", "deals", DealColumns.STANDARD, fields, customFields.list("deal"), locale);
    }
}
