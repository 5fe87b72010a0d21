package io.team365.leads.web;

import io.team365.core.paging.FilterField;
import io.team365.core.web.PageContext;
import io.team365.leads.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The columns the lead list can show, and each cell's text. The name column is always first; the others are chosen
 * per view. Owner names are looked up once per page, not per row.
 */
public final class LeadColumns {

    public static final List<String> STANDARD = List.of(
            "status", "companyName", "email", "phone", "jobTitle", "owner", "tags", "source", "createdAt", "updatedAt");
    public static final List<String> DEFAULT = List.of("status", "companyName", "email", "tags", "updatedAt");

    /** Columns whose header sorts the list, and the sort they ask for. */
    private static final Map<String, String> SORTS = Map.of(
            "name", "lastName", "companyName", "companyName", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final List<String> shown;
    private final Map<String, String> labels;
    private final Map<UUID, String> owners;
    private final List<String> sortable;

    public LeadColumns(
            List<String> shown, Map<String, String> labels, Map<UUID, String> owners, List<String> sortable) {
        this.shown = shown;
        this.labels = labels;
        this.owners = owners;
        this.sortable = sortable;
    }

    /** The columns asked for that exist, or the default set when none is asked for. */
    public static List<String> chosen(List<String> requested, List<FilterField> customFields) {
        List<String> known = new ArrayList<>(STANDARD);
        customFields.stream()
                .map(FilterField::name)
                .filter(name -> name.startsWith("customFields."))
                .forEach(known::add);
        List<String> chosen = requested.stream().filter(known::contains).toList();
        return chosen.isEmpty() ? DEFAULT : chosen;
    }

    public List<String> shown() {
        return shown;
    }

    public String label(String column) {
        return labels.getOrDefault(column, column);
    }

    /** The sort a click on this column's header asks for, or null when the column does not sort. */
    public String sortOf(String column) {
        if (SORTS.containsKey(column)) {
            return SORTS.get(column);
        }
        return sortable.contains(column) ? column : null;
    }

    public String text(Lead lead, String column, PageContext page) {
        return switch (column) {
            case "status" -> page.t("leads.status." + lead.status());
            case "companyName" -> nz(lead.companyName());
            case "email" -> nz(lead.primaryEmail());
            case "phone" ->
                lead.phones().isEmpty() ? "" : lead.phones().getFirst().number();
            case "jobTitle" -> nz(lead.jobTitle());
            case "owner" -> lead.ownerId() == null ? "" : owners.getOrDefault(lead.ownerId(), "");
            case "tags" -> String.join(", ", lead.tags());
            case "source" -> nz(lead.source());
            case "createdAt" -> page.date(lead.createdAt());
            case "updatedAt" -> page.date(lead.updatedAt());
            default ->
                column.startsWith("customFields.")
                        ? nz(page.customValue(lead.customFields().get(column.substring("customFields.".length()))))
                        : "";
        };
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
