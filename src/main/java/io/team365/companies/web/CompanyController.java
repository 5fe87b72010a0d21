package io.team365.companies.web;

import io.team365.companies.Company;
import io.team365.companies.CompanyFields;
import io.team365.companies.CompanyManagement;
import io.team365.companies.CompanyPage;
import io.team365.companies.CompanyQuery;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.web.FormErrors;
import io.team365.customfields.CustomField;
import io.team365.customfields.CustomFieldInputs;
import io.team365.customfields.CustomFieldManagement;
import io.team365.identity.Actors;
import io.team365.identity.Member;
import io.team365.identity.TeamManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The company pages: the list with search, the trash, a new company, and a company's own page. */
@Controller
class CompanyController {

    private static final int PAGE_SIZE = 50;

    private final CompanyManagement companies;
    private final TeamManagement team;
    private final MessageSource messages;
    private final CustomFieldManagement customFields;

    CompanyController(
            CompanyManagement companies,
            TeamManagement team,
            MessageSource messages,
            CustomFieldManagement customFields) {
        this.companies = companies;
        this.team = team;
        this.messages = messages;
        this.customFields = customFields;
    }

    @GetMapping("/companies/trash")
    String trash(@RequestParam(required = false) String cursor, Model model) {
        CompanyPage page = listOrFirstPage(
                new CompanyQuery(null, null, null, null, null, null, List.of(), true, null, cursor, PAGE_SIZE));
        model.addAttribute("companies", page.companies());
        model.addAttribute("nextCursor", page.nextCursor());
        return "companies/trash";
    }

    @GetMapping("/companies/new")
    String newCompany(Model model, Locale locale) {
        return form(model, CompanyForm.empty(), FormErrors.none(), locale);
    }

    @PostMapping("/companies")
    String create(
            @ModelAttribute CompanyForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            CompanyFields fields = form.applyTo(
                    CompanyFields.empty(), CustomFieldInputs.read(definitions(), request.getParameterMap(), Map.of()));
            Company created = companies.create(fields, Actors.of(request));
            return "redirect:/companies/" + created.id() + "?done=created";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, FormErrors.of(invalid, messages, locale), locale);
        }
    }

    @GetMapping("/companies/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) String done,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        Company company = find(id, request);
        return page(model, company, CompanyForm.of(company), FormErrors.none(), done, locale);
    }

    @PostMapping("/companies/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute CompanyForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            companies.update(id, form.version(), current -> submitted(form, current, request), Actors.of(request));
            return "redirect:/companies/" + id + "?done=saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, find(id, request), form, FormErrors.of(invalid, messages, locale), null, locale);
        } catch (PreconditionFailed stale) {
            // show what the other person saved, and which of the reader's entries differ from it
            response.setStatus(HttpStatus.CONFLICT.value());
            Company current = find(id, request);
            String message = staleMessage(form, current, request, locale);
            return page(model, current, CompanyForm.of(current), FormErrors.single("form", message), null, locale);
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/companies/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request) {
        try {
            companies.trash(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/companies?done=trashed";
    }

    @PostMapping("/companies/{id}/restore")
    String restore(@PathVariable UUID id, HttpServletRequest request) {
        try {
            companies.restore(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/companies/" + id + "?done=restored";
    }

    private CompanyFields submitted(CompanyForm form, CompanyFields current, HttpServletRequest request) {
        return form.applyTo(
                current, CustomFieldInputs.read(definitions(), request.getParameterMap(), current.customFields()));
    }

    /** Names the fields where the stored company now differs from what the reader submitted. */
    private String staleMessage(CompanyForm form, Company current, HttpServletRequest request, Locale locale) {
        List<String> fields;
        try {
            CompanyFields stored = CompanyFields.of(current);
            fields = CompanyManagement.differences(stored, submitted(form, stored, request));
        } catch (InvalidInput unreadable) {
            fields = List.of();
        }
        if (fields.isEmpty()) {
            return messages.getMessage("company.stale", null, locale);
        }
        String names = fields.stream()
                .map(f -> messages.getMessage("field." + f, null, f, locale))
                .collect(Collectors.joining(", "));
        return messages.getMessage("company.stale-fields", new Object[] {names}, locale);
    }

    private Company find(UUID id, HttpServletRequest request) {
        try {
            return companies.view(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A search term from the address bar, or null if empty or unusable (too long, control characters). */
    private static String usable(String value, int maxLength) {
        if (value == null
                || value.isBlank()
                || value.length() > maxLength
                || value.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        return value.strip();
    }

    /** A cursor from an old bookmark that no longer parses starts again at the first page. */
    private CompanyPage listOrFirstPage(CompanyQuery query) {
        try {
            return companies.list(query);
        } catch (InvalidInput badCursor) {
            return companies.list(new CompanyQuery(
                    null, null, null, null, null, null, List.of(), query.deleted(), null, null, PAGE_SIZE));
        }
    }

    private Map<UUID, String> ownerNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (Member member : team.members()) {
            names.put(
                    member.userId(), member.name() == null || member.name().isBlank() ? member.email() : member.name());
        }
        return names;
    }

    private List<CustomField> definitions() {
        return customFields.list("company");
    }

    private String form(Model model, CompanyForm form, FormErrors errors, Locale locale) {
        model.addAttribute("customFields", definitions());
        model.addAttribute("values", Map.of());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("owners", ownerNames());
        model.addAttribute("countries", CompanyForm.countries(locale));
        return "companies/new";
    }

    private String page(Model model, Company company, CompanyForm form, FormErrors errors, String done, Locale locale) {
        model.addAttribute("customFields", definitions());
        model.addAttribute("values", company.customFields());
        model.addAttribute("company", company);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("owners", ownerNames());
        model.addAttribute("countries", CompanyForm.countries(locale));
        return "companies/show";
    }
}
