package io.team365.customfields.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.web.FormErrors;
import io.team365.customfields.CustomField;
import io.team365.customfields.CustomFieldManagement;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Settings → Custom fields, for owners and admins: the fields of each kind of record. */
@Controller
class CustomFieldSettingsController {

    private final CustomFieldManagement fields;
    private final MessageSource messages;

    CustomFieldSettingsController(CustomFieldManagement fields, MessageSource messages) {
        this.fields = fields;
        this.messages = messages;
    }

    @GetMapping("/settings/fields")
    String list(@RequestParam(required = false) String done, Model model) {
        return render(model, new CustomFieldForm("contact", "", "", "text", "", false), FormErrors.none(), done);
    }

    @PostMapping("/settings/fields")
    String define(
            @RequestParam(defaultValue = "") String object,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String options,
            @RequestParam(defaultValue = "false") boolean required,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        CustomFieldForm form = new CustomFieldForm(object, key, label, type, options, required);
        List<String> optionList = Arrays.stream(options.split("\\R"))
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .toList();
        try {
            fields.define(
                    object,
                    key.isBlank() ? keyFrom(label) : key.strip(),
                    label,
                    type,
                    optionList,
                    required,
                    Actors.of(request));
            return "redirect:/settings/fields?done=defined";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, form, FormErrors.of(invalid, messages, locale), null);
        } catch (Conflict taken) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(
                    model, form, FormErrors.single("key", messages.getMessage(taken.messageKey(), null, locale)), null);
        }
    }

    @PostMapping("/settings/fields/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request) {
        try {
            fields.delete(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/settings/fields?done=deleted";
    }

    /** "Customer since" becomes customer_since: a key people need not invent. */
    static String keyFrom(String label) {
        String key = java.text.Normalizer.normalize(label == null ? "" : label, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (!key.isEmpty() && !Character.isLetter(key.charAt(0))) {
            key = "f_" + key;
        }
        return key.length() > 50 ? key.substring(0, 50) : key;
    }

    private String render(Model model, CustomFieldForm form, FormErrors errors, String done) {
        List<CustomField> all = fields.list(null);
        model.addAttribute("fields", all);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("objects", CustomFieldManagement.OBJECTS);
        model.addAttribute(
                "types",
                Arrays.stream(CustomField.Type.values())
                        .map(CustomField.Type::value)
                        .toList());
        return "settings/fields";
    }
}
