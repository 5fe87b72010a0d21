package io.team365.views;

import io.team365.core.BulkAction;
import io.team365.core.InvalidInput;
import io.team365.core.paging.FilterField;
import io.team365.core.web.FormErrors;
import io.team365.core.web.ListState;
import io.team365.customfields.CustomField;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every record list page does the same way: the sort it falls back to, a page found despite an old cursor or
 * shown empty with the reason a condition does not fit, the column labels, and where a bulk action returns. Each
 * list controller keeps only its records' own query, columns and lookups.
 */
@Component
public class ListPages {

    private final MessageSource messages;

    ListPages(MessageSource messages) {
        this.messages = messages;
    }

    /** A page of records, or none with the reasons the conditions do not fit (the page is then a 422). */
    public record Found<P>(P page, FormErrors errors) {}

    /** The sort asked for if the list sorts by that field; otherwise the most recently updated first. */
    public static String sort(ListState state, List<String> sortable) {
        return state.sort() != null && sortable.contains(state.sort().replaceFirst("^-", ""))
                ? state.sort()
                : "-updatedAt";
    }

    /**
     * Runs {@code query} (the cursor to a page) for the state's cursor. A cursor from an old bookmark that no longer
     * parses starts again at the first page; a condition that does not fit its field gives {@code empty} and the
     * reasons, for the filter builder to show, with status 422.
     */
    public <P> Found<P> find(
            ListState state, Function<String, P> query, P empty, HttpServletResponse response, Locale locale) {
        try {
            return new Found<>(query.apply(state.cursor()), FormErrors.none());
        } catch (InvalidInput invalid) {
            if (state.cursor() != null
                    && invalid.errors().stream().allMatch(e -> e.field().equals("cursor"))) {
                return new Found<>(query.apply(null), FormErrors.none());
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return new Found<>(empty, FormErrors.of(invalid, messages, locale));
        }
    }

    /**
     * The column labels by field: {@code name} from {@code nameKey}, the standard columns and other filter fields
     * from {@code <bundle>.column.<field>}, custom fields by their own labels.
     */
    public Map<String, String> labels(
            String nameKey,
            String bundle,
            List<String> standard,
            List<FilterField> fields,
            List<CustomField> custom,
            Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("name", text(nameKey, locale));
        for (String column : standard) {
            labels.put(column, text(bundle + ".column." + column, locale));
        }
        for (FilterField field : fields) {
            labels.putIfAbsent(field.name(), text(bundle + ".column." + field.name(), locale));
        }
        for (CustomField field : custom) {
            labels.put("customFields." + field.key(), field.label());
        }
        return labels;
    }

    /**
     * Applies a bulk action from the list at {@code path} and goes back to the list as it was ({@code returnTo}, if
     * it is that list), saying how it went: {@code done=bulk-done}, {@code bulk-partly} with the count changed, or
     * {@code bulk-refused}.
     */
    public static String afterBulk(
            String path, String returnTo, Supplier<BulkAction.Result> action, RedirectAttributes redirect) {
        String back = returnTo != null && returnTo.startsWith(path) && !returnTo.startsWith("//") ? returnTo : path;
        try {
            BulkAction.Result result = action.get();
            redirect.addAttribute("done", result.skipped().isEmpty() ? "bulk-done" : "bulk-partly");
            redirect.addAttribute("count", result.changed());
        } catch (InvalidInput invalid) {
            redirect.addAttribute("done", "bulk-refused");
        }
        return "redirect:" + back;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
