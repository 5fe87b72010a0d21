package io.team365.companies.web;

import io.team365.companies.Company;
import io.team365.core.paging.FilterField;
import io.team365.core.web.PageContext;
import io.team365.views.ListTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The columns the company list can show, and how each cell reads. The name column is always first. */
final class CompanyColumns {

    static final List<String> STANDARD = List.of(
            "domain", "industry", "size", "city", "country", "phone", "owner", "tags", "createdAt", "updatedAt");
    static final List<String> DEFAULT = List.of("domain", "industry", "size", "owner", "updatedAt");

    private static final Map<String, String> SORTS =
            Map.of("name", "name", "domain", "domain", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private CompanyColumns() {}

    static List<String> chosen(List<String> requested, List<FilterField> fields) {
        List<String> known = new ArrayList<>(STANDARD);
        fields.stream()
                .map(FilterField::name)
                .filter(n -> n.startsWith("customFields."))
                .forEach(known::add);
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

    static ListTable table(
            List<Company> companies,
            List<String> shown,
            Map<String, String> labels,
            Map<UUID, String> owners,
            List<String> sortable,
            PageContext page) {
        List<ListTable.Header> headers = new ArrayList<>();
        headers.add(new ListTable.Header("name", labels.get("name"), "name"));
        for (String column : shown) {
            String sort = SORTS.containsKey(column) ? SORTS.get(column) : sortable.contains(column) ? column : null;
            headers.add(new ListTable.Header(column, labels.getOrDefault(column, column), sort));
        }
        List<ListTable.Row> rows = companies.stream()
                .map(company -> new ListTable.Row(
                        company.id(),
                        company.name(),
                        "/companies/" + company.id(),
                        shown.stream()
                                .map(column -> cell(company, column, owners, page))
                                .toList()))
                .toList();
        return new ListTable("/companies", headers, rows);
    }

    private static ListTable.Cell cell(Company company, String column, Map<UUID, String> owners, PageContext page) {
        return switch (column) {
            case "domain" ->
                company.domain() == null
                        ? ListTable.Cell.text("")
                        : ListTable.Cell.external(company.domain(), "https://" + company.domain());
            case "industry" -> ListTable.Cell.text(company.industry());
            case "size" ->
                ListTable.Cell.text(company.size() == null ? "" : page.t("companies.size-option", company.size()));
            case "city" -> ListTable.Cell.text(company.address().city());
            case "country" -> ListTable.Cell.text(company.address().country());
            case "phone" -> ListTable.Cell.text(company.phone());
            case "owner" -> ListTable.Cell.text(company.ownerId() == null ? "" : owners.get(company.ownerId()));
            case "tags" -> ListTable.Cell.tags(company.tags());
            case "createdAt" -> ListTable.Cell.text(page.date(company.createdAt()));
            case "updatedAt" -> ListTable.Cell.text(page.date(company.updatedAt()));
            default ->
                ListTable.Cell.text(
                        column.startsWith("customFields.")
                                ? page.customValue(company.customFields().get(column.substring(13)))
                                : "");
        };
    }
}
