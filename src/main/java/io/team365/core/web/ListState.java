package io.team365.core.web;

import io.team365.core.paging.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a list page shows, as its address carries it: a saved view, the search, the order, the columns, the filter
 * builder's conditions (parallel {@code ff}/{@code fo}/{@code fv} fields, or API-style {@code filter[...]}) and the
 * cursor. Links on the page rebuild the address from it, so sorting or paging keeps the filters.
 */
public record ListState(
        UUID viewId,
        String q,
        String sort,
        List<String> columns,
        List<Filters.Condition> filters,
        String cursor,
        boolean explicit) {

    public ListState {
        columns = columns == null ? List.of() : List.copyOf(columns);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    /** The state in the request; unusable values (too long, control characters) are dropped, not refused. */
    public static ListState from(HttpServletRequest request) {
        List<Filters.Condition> filters = new ArrayList<>();
        String[] fields = request.getParameterValues("ff");
        String[] operators = request.getParameterValues("fo");
        String[] values = request.getParameterValues("fv");
        if (fields != null) {
            for (int i = 0; i < fields.length && i < 20; i++) {
                String field = usable(fields[i], 100);
                String operator = operators != null && i < operators.length ? usable(operators[i], 20) : null;
                String raw = values != null && i < values.length ? values[i] : null;
                String value = usable(raw, 200);
                boolean unusableValue = value == null && raw != null && !raw.isBlank();
                if (field != null && !unusableValue) {
                    filters.add(new Filters.Condition(field, operator == null ? "" : operator, value));
                }
            }
        }
        try {
            Filters.fromParameters(request.getParameterMap(), List.of()).stream()
                    .limit(20)
                    .forEach(filters::add);
        } catch (RuntimeException malformed) {
            // a hand-written address with a broken filter[...] shows the list without it
        }
        List<String> columns = new ArrayList<>();
        String[] cols = request.getParameterValues("cols");
        if (cols != null) {
            for (String col : cols) {
                String column = usable(col, 100);
                if (column != null && columns.size() < 40 && !columns.contains(column)) {
                    columns.add(column);
                }
            }
        }
        UUID view = null;
        try {
            String id = request.getParameter("view");
            view = id == null || id.isBlank() ? null : UUID.fromString(id);
        } catch (IllegalArgumentException unknown) {
            // an unknown view id shows the default list
        }
        boolean explicit = request.getParameter("q") != null
                || request.getParameter("sort") != null
                || cols != null
                || !filters.isEmpty();
        return new ListState(
                view,
                usable(request.getParameter("q"), 200),
                usable(request.getParameter("sort"), 100),
                columns,
                filters,
                usable(request.getParameter("cursor"), 1000),
                explicit);
    }

    public ListState withSort(String newSort) {
        return new ListState(viewId, q, newSort, columns, filters, null, true);
    }

    public ListState withCursor(String newCursor) {
        return new ListState(viewId, q, sort, columns, filters, newCursor, explicit);
    }

    public ListState withFilters(List<Filters.Condition> newFilters) {
        return new ListState(viewId, q, sort, columns, newFilters, null, true);
    }

    public boolean filtered() {
        return (q != null && !q.isBlank()) || !filters.isEmpty();
    }

    /** The address of this state under {@code path}, e.g. {@code /contacts?q=ann&sort=-updatedAt}. */
    public String href(String path) {
        StringBuilder query = new StringBuilder();
        append(query, "view", viewId == null ? null : viewId.toString());
        append(query, "q", q);
        append(query, "sort", sort);
        columns.forEach(column -> append(query, "cols", column));
        for (Filters.Condition condition : filters) {
            append(query, "ff", condition.field());
            append(query, "fo", condition.operator() == null ? "" : condition.operator());
            append(query, "fv", condition.value() == null ? "" : condition.value());
        }
        append(query, "cursor", cursor);
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value == null || (value.isEmpty() && !name.equals("fo") && !name.equals("fv"))) {
            return;
        }
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String usable(String value, int maxLength) {
        if (value == null
                || value.isBlank()
                || value.length() > maxLength
                || value.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        return value.strip();
    }
}
