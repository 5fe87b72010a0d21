package io.team365.exports;

import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.core.paging.Filters;
import io.team365.views.SavedView;
import io.team365.views.ViewManagement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The API's {@code filter} object made into a selection: the list's query parameters as keys ({@code q},
 * {@code view} for a saved view, {@code filter[<field>][<op>]} with a string or a list of strings). Anything else is
 * refused naming the key, so a typo never exports more than was meant.
 */
@Component
public class ExportRequests {

    private static final int MAX_KEYS = 25;

    private final ViewManagement views;

    ExportRequests(ViewManagement views) {
        this.views = views;
    }

    public ExportSelection selection(String object, Map<String, Object> filter) {
        if (filter == null || filter.isEmpty()) {
            return ExportSelection.everything();
        }
        if (filter.size() > MAX_KEYS) {
            throw InvalidInput.of("filter", "filter.too-many", MAX_KEYS);
        }
        Validation check = Validation.start();
        String q = null;
        UUID viewId = null;
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("q")) {
                if (value != null && !(value instanceof String)) {
                    check.reject("filter.q", "exports.error.filter-value");
                } else {
                    q = (String) value;
                }
            } else if (key.equals("view")) {
                try {
                    viewId = value == null ? null : UUID.fromString(value.toString());
                } catch (IllegalArgumentException bad) {
                    check.reject("filter.view", "exports.error.view");
                }
            } else if (key.startsWith("filter[")) {
                String[] values = values(value);
                if (values == null) {
                    check.reject(key, "exports.error.filter-value");
                } else {
                    parameters.put(key, values);
                }
            } else {
                check.reject("filter." + key, "exports.error.filter-key");
            }
        }
        check.throwIfInvalid();
        List<Filters.Condition> conditions = Filters.fromParameters(parameters, List.of());
        if (viewId != null) {
            ExportObject what = ExportObject.parse(object).orElse(null);
            SavedView view;
            try {
                view = views.get(viewId);
            } catch (NotFound gone) {
                view = null;
            }
            if (view == null || what == null || !view.object().equals(what.recordType())) {
                throw InvalidInput.of("filter.view", "exports.error.view");
            }
            // as on the list page: the request's own search and conditions win over the view's
            if (q == null && conditions.isEmpty()) {
                return new ExportSelection(view.q(), view.filters());
            }
        }
        return new ExportSelection(q, conditions);
    }

    private static String[] values(Object value) {
        if (value instanceof String text) {
            return new String[] {text};
        }
        if (value instanceof Number || value instanceof Boolean) {
            return new String[] {value.toString()};
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.size() <= 20) {
            String[] values = new String[list.size()];
            for (int i = 0; i < values.length; i++) {
                if (!(list.get(i) instanceof String text)) {
                    return null;
                }
                values[i] = text;
            }
            return values;
        }
        return null;
    }
}
