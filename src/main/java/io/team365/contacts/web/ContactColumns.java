package io.team365.contacts.web;

import io.team365.contacts.Contact;
import io.team365.core.paging.FilterField;
import io.team365.core.web.PageContext;
import io.team365.views.ListTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The columns the contact list can show, and each cell's text. The name column is always first; the others are
 * chosen per view. Owner and company names are looked up once per page, not per row.
 */
public final class ContactColumns {

    public static final List<String> STANDARD =
            List.of("email", "phone", "jobTitle", "company", "owner", "tags", "source", "createdAt", "updatedAt");
    public static final List<String> DEFAULT = List.of("email", "phone", "company", "tags", "updatedAt");

    /** Columns whose header sorts the list, and the sort they ask for. */
    private static final Map<String, String> SORTS =
            Map.of("name", "lastName", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final List<String> shown;
    private final Map<String, String> labels;
    private final Map<UUID, String> owners;
    private final Map<UUID, String> companies;
    private final List<String> sortable;

    public ContactColumns(
            List<String> shown,
            Map<String, String> labels,
            Map<UUID, String> owners,
            Map<UUID, String> companies,
            List<String> sortable) {
        this.shown = shown;
        this.labels = labels;
        this.owners = owners;
        this.companies = companies;
        this.sortable = sortable;
    }

    /**
     * The columns asked for that exist (standard ones and {@code customFields.<key>} of the Client's custom
     * fields), or the default set when none is asked for.
     */
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

    /** The contacts as the shared list table draws them. */
    public ListTable table(List<Contact> contacts, PageContext page) {
        List<ListTable.Header> headers = new ArrayList<>();
        headers.add(new ListTable.Header("name", label("name"), sortOf("name")));
        shown.forEach(column -> headers.add(new ListTable.Header(column, label(column), sortOf(column))));
        List<ListTable.Row> rows = contacts.stream()
                .map(contact -> new ListTable.Row(
                        contact.id(),
                        contact.displayName(),
                        "/contacts/" + contact.id(),
                        shown.stream()
                                .map(column -> cell(contact, column, page))
                                .toList()))
                .toList();
        return new ListTable("/contacts", headers, rows);
    }

    private ListTable.Cell cell(Contact contact, String column, PageContext page) {
        return switch (column) {
            case "tags" -> ListTable.Cell.tags(contact.tags());
            case "email" ->
                contact.primaryEmail() == null
                        ? ListTable.Cell.text("")
                        : ListTable.Cell.link(contact.primaryEmail(), "mailto:" + contact.primaryEmail());
            case "company" ->
                contact.companyId() == null
                        ? ListTable.Cell.text("")
                        : ListTable.Cell.link(text(contact, column, page), "/companies/" + contact.companyId());
            default -> ListTable.Cell.text(text(contact, column, page));
        };
    }

    private String text(Contact contact, String column, PageContext page) {
        return switch (column) {
            case "email" -> nz(contact.primaryEmail());
            case "phone" ->
                contact.phones().isEmpty() ? "" : contact.phones().getFirst().number();
            case "jobTitle" -> nz(contact.jobTitle());
            case "company" -> contact.companyId() == null ? "" : companies.getOrDefault(contact.companyId(), "");
            case "owner" -> contact.ownerId() == null ? "" : owners.getOrDefault(contact.ownerId(), "");
            case "tags" -> String.join(", ", contact.tags());
            case "source" -> nz(contact.source());
            case "createdAt" -> page.date(contact.createdAt());
            case "updatedAt" -> page.date(contact.updatedAt());
            default ->
                column.startsWith("customFields.")
                        ? nz(page.customValue(contact.customFields().get(column.substring("customFields.".length()))))
                        : "";
        };
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
