package io.team365.core.web;

import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Editing one field of a record in place, with htmx: the field turns into an input, saving answers with the new
 * value (and the record's new version, swapped into the page's edit form out of band). A problem or a newer version
 * keeps the input open with the reason, answered with 200 so htmx shows it. A record page's inline controller extends
 * this with its collection as {@code @RequestMapping} (the addresses are {@code /<collection>/{id}/inline/{field}})
 * and says how its records are read, changed and shown; the templates are {@code <folder>/inline-edit.jte} and {@code <folder>/inline-value.jte}, with the record under
 * {@code <record>}, and {@code field}, {@code value} (and {@code error} when editing).
 *
 * @param <R> the record type
 */
public abstract class InlineEditing<R> {

    private final MessageSource messages;
    private final String record;
    private final String folder;
    private final Collection<String> fields;

    /**
     * @param record the model attribute the templates read the record from, e.g. {@code contact}
     * @param folder the templates' folder, e.g. {@code contacts}
     * @param fields the fields that may be edited in place; any other is not found
     */
    protected InlineEditing(MessageSource messages, String record, String folder, Collection<String> fields) {
        this.messages = messages;
        this.record = record;
        this.folder = folder;
        this.fields = fields;
    }

    /** The record as the person may see it (an audited view); {@link NotFound} if not. */
    protected abstract R view(UUID id, HttpServletRequest request);

    /** Sets {@code field} to the typed {@code value} on {@code current}, if still at {@code version}. */
    protected abstract R update(
            UUID id, Integer version, R current, String field, String value, HttpServletRequest request);

    /** The field's value as its input shows it. */
    protected abstract String value(R record, String field);

    /** The problems named as the form names its fields. */
    protected FormErrors errors(InvalidInput invalid, Locale locale) {
        return FormErrors.of(invalid, messages, locale);
    }

    @GetMapping("/{id}/inline/{field}")
    public String show(
            @PathVariable UUID id,
            @PathVariable String field,
            @RequestParam(defaultValue = "false") boolean cancel,
            HttpServletRequest request,
            Model model) {
        R found = find(id, field, request);
        return cancel ? shown(model, found, field) : editing(model, found, field, null, null);
    }

    @PostMapping("/{id}/inline/{field}")
    public String save(
            @PathVariable UUID id,
            @PathVariable String field,
            @RequestParam(required = false) Integer version,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        R current = find(id, field, request);
        String typed = request.getParameter(field);
        try {
            return shown(model, update(id, version, current, field, typed, request), field);
        } catch (InvalidInput invalid) {
            FormErrors errors = errors(invalid, locale);
            String message = errors.get(field).orElse(errors.message(errors.firstField()));
            return editing(model, current, field, typed, message);
        } catch (PreconditionFailed stale) {
            R newer = find(id, field, request);
            return editing(model, newer, field, null, messages.getMessage("inline.stale", null, locale));
        }
    }

    private R find(UUID id, String field, HttpServletRequest request) {
        if (!fields.contains(field)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            return view(id, request);
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String editing(Model model, R found, String field, String typed, String error) {
        String stored = value(found, field);
        model.addAttribute(record, found);
        model.addAttribute("field", field);
        model.addAttribute("value", typed != null ? typed : stored == null ? "" : stored);
        model.addAttribute("error", error);
        return folder + "/inline-edit";
    }

    private String shown(Model model, R found, String field) {
        model.addAttribute(record, found);
        model.addAttribute("field", field);
        model.addAttribute("value", value(found, field));
        return folder + "/inline-value";
    }
}
