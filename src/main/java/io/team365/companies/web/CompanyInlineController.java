package io.team365.companies.web;

import io.team365.companies.Company;
import io.team365.companies.CompanyManagement;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
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

/**
 * Editing one field of a company in place, with htmx: the field turns into an input, saving answers with the new
 * value (and the company's new version, swapped into the page's edit form out of band). A problem or a newer version
 * keeps the input open with the reason, answered with 200 so htmx shows it.
 */
@Controller
class CompanyInlineController {

    private final CompanyManagement companies;
    private final MessageSource messages;

    CompanyInlineController(CompanyManagement companies, MessageSource messages) {
        this.companies = companies;
        this.messages = messages;
    }

    @GetMapping("/companies/{id}/inline/{field}")
    String show(
            @PathVariable UUID id,
            @PathVariable String field,
            @RequestParam(defaultValue = "false") boolean cancel,
            HttpServletRequest request,
            Model model) {
        Company company = find(id, field, request);
        return cancel ? value(model, company, field) : edit(model, company, field, null, null);
    }

    @PostMapping("/companies/{id}/inline/{field}")
    String save(
            @PathVariable UUID id,
            @PathVariable String field,
            @RequestParam(required = false) Integer version,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        Company current = find(id, field, request);
        String value = request.getParameter(field);
        try {
            Company saved = companies.update(
                    id,
                    version,
                    fields -> CompanyForm.of(current).with(field, value).applyTo(fields, fields.customFields()),
                    Actors.of(request));
            return value(model, saved, field);
        } catch (InvalidInput invalid) {
            FormErrors errors = FormErrors.of(invalid, messages, locale);
            String message = errors.get(field).orElse(errors.message(errors.firstField()));
            return edit(model, current, field, value, message);
        } catch (PreconditionFailed stale) {
            Company newer = find(id, field, request);
            return edit(model, newer, field, null, messages.getMessage("inline.stale", null, locale));
        }
    }

    private Company find(UUID id, String field, HttpServletRequest request) {
        if (!CompanyForm.INLINE.contains(field)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            return companies.view(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String edit(Model model, Company company, String field, String typed, String error) {
        model.addAttribute("company", company);
        model.addAttribute("field", field);
        model.addAttribute(
                "value", typed != null ? typed : nz(CompanyForm.of(company).value(field)));
        model.addAttribute("error", error);
        return "companies/inline-edit";
    }

    private String value(Model model, Company company, String field) {
        model.addAttribute("company", company);
        model.addAttribute("field", field);
        model.addAttribute("value", CompanyForm.of(company).value(field));
        return "companies/inline-value";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
