package io.team365.privacy.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.privacy.ConsentPurpose;
import io.team365.privacy.ConsentPurposes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Settings → Consent purposes, for admins: add a purpose, edit its label and description, archive or restore it. */
@Controller
class PurposeSettingsController {

    private final ConsentPurposes purposes;
    private final MessageSource messages;

    PurposeSettingsController(ConsentPurposes purposes, MessageSource messages) {
        this.purposes = purposes;
        this.messages = messages;
    }

    @GetMapping("/settings/privacy/purposes")
    String list(@RequestParam(required = false) String done, Model model) {
        return render(model, new PurposeForm("", "", "", true), null, FormErrors.none(), done);
    }

    @PostMapping("/settings/privacy/purposes")
    String add(
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "false") boolean marketing,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        PurposeForm form = new PurposeForm(key, label, description, marketing);
        try {
            purposes.add(new ConsentPurposes.NewPurpose(key, label, description, marketing), Actors.of(request));
            return "redirect:/settings/privacy/purposes?done=added";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, form, null, FormErrors.of(invalid, messages, locale), null);
        } catch (Conflict taken) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(
                    model,
                    form,
                    null,
                    FormErrors.single("key", messages.getMessage(taken.messageKey(), null, locale)),
                    null);
        }
    }

    @PostMapping("/settings/privacy/purposes/{key}")
    String edit(
            @PathVariable String key,
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "false") boolean marketing,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            purposes.change(
                    key, new ConsentPurposes.PurposeChange(label, description, marketing, null), Actors.of(request));
            return "redirect:/settings/privacy/purposes?done=changed";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(
                    model,
                    new PurposeForm("", "", "", true),
                    new PurposeForm(key, label, description, marketing),
                    FormErrors.of(invalid, messages, locale),
                    null);
        } catch (NotFound missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/settings/privacy/purposes/{key}/archive")
    String archive(@PathVariable String key, HttpServletRequest request) {
        return setArchived(key, true, request);
    }

    @PostMapping("/settings/privacy/purposes/{key}/restore")
    String restore(@PathVariable String key, HttpServletRequest request) {
        return setArchived(key, false, request);
    }

    private String setArchived(String key, boolean archived, HttpServletRequest request) {
        try {
            purposes.change(key, new ConsentPurposes.PurposeChange(null, null, null, archived), Actors.of(request));
        } catch (NotFound missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/settings/privacy/purposes?done=" + (archived ? "archived" : "restored");
    }

    private String render(Model model, PurposeForm form, PurposeForm editing, FormErrors errors, String done) {
        java.util.List<ConsentPurpose> all = purposes.list();
        model.addAttribute("active", all.stream().filter(p -> !p.archived()).toList());
        model.addAttribute(
                "archived", all.stream().filter(ConsentPurpose::archived).toList());
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        return "privacy/purposes";
    }
}
