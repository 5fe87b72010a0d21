package io.team365.deals.web;

import io.team365.core.RecordRef;
import io.team365.core.paging.FilterField;
import io.team365.core.web.PageContext;
import io.team365.deals.Deal;
import io.team365.deals.Pipeline;
import io.team365.deals.Stage;
import io.team365.views.ListTable;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The columns the deal list can show, and how each cell reads. The name column is always first. */
final class DealColumns {

    static final List<String> STANDARD =
            List.of("stage", "value", "closeDate", "company", "owner", "status", "tags", "createdAt", "updatedAt");
    static final List<String> DEFAULT = List.of("stage", "value", "closeDate", "company", "owner", "updatedAt");

    private static final Map<String, String> SORTS =
            Map.of("value", "value", "closeDate", "closeDate", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private DealColumns() {}

    static List<String> chosen(List<String> requested, List<FilterField> fields) {
        List<String> known = all(fields);
        List<String> chosen = requested.stream().filter(known::contains).toList();
        return chosen.isEmpty() ? DEFAULT : chosen;
    }

    static List<String> all(List<FilterField> fields) {
        List<String> all = new ArrayList<>(STANDARD);
        fields.stream()
                .map(FilterField::name)
                .filter(n -> n.startsWith("customFields."))
                .forEach(all::add);
        return all;
    }

    /** What the cells need besides the deals: stage names, company links and owner names, each looked up once. */
    record Lookups(Map<UUID, Pipeline> pipelines, Map<UUID, RecordRef> companies, Map<UUID, String> owners) {}

    static ListTable table(
            List<Deal> deals,
            List<String> shown,
            Map<String, String> labels,
            Lookups lookups,
            List<String> sortable,
            PageContext page) {
        List<ListTable.Header> headers = new ArrayList<>();
        headers.add(new ListTable.Header("name", labels.get("name"), "name"));
        for (String column : shown) {
            String sort = SORTS.containsKey(column) ? SORTS.get(column) : sortable.contains(column) ? column : null;
            headers.add(new ListTable.Header(column, labels.getOrDefault(column, column), sort));
        }
        List<ListTable.Row> rows = deals.stream()
                .map(deal -> new ListTable.Row(
                        deal.id(),
                        deal.name(),
                        "/deals/" + deal.id(),
                        shown.stream()
                                .map(column -> cell(deal, column, lookups, page))
                                .toList()))
                .toList();
        return new ListTable(DealListController.PATH, headers, rows);
    }

    private static ListTable.Cell cell(Deal deal, String column, Lookups lookups, PageContext page) {
        return switch (column) {
            case "stage" -> {
                Pipeline pipeline = lookups.pipelines().get(deal.pipelineId());
                yield ListTable.Cell.text(
                        pipeline == null
                                ? ""
                                : pipeline.stage(deal.stageId())
                                        .map(Stage::name)
                                        .orElse(""));
            }
            case "value" -> ListTable.Cell.text(deal.value() == null ? "" : page.money(deal.value()));
            case "closeDate" ->
                ListTable.Cell.text(
                        deal.closeDate() == null
                                ? ""
                                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                        .withLocale(page.locale())
                                        .format(deal.closeDate()));
            case "company" -> {
                RecordRef company =
                        deal.companyId() == null ? null : lookups.companies().get(deal.companyId());
                yield company == null ? ListTable.Cell.text("") : ListTable.Cell.link(company.title(), company.path());
            }
            case "owner" ->
                ListTable.Cell.text(
                        deal.ownerId() == null ? "" : lookups.owners().get(deal.ownerId()));
            case "status" ->
                ListTable.Cell.text(page.t("deals.status." + deal.status().value()));
            case "tags" -> ListTable.Cell.tags(deal.tags());
            case "createdAt" -> ListTable.Cell.text(page.date(deal.createdAt()));
            case "updatedAt" -> ListTable.Cell.text(page.date(deal.updatedAt()));
            default ->
                ListTable.Cell.text(
                        column.startsWith("customFields.")
                                ? page.customValue(deal.customFields().get(column.substring(13)))
                                : "");
        };
    }
}
