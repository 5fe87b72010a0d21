package io.team365.leads.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.ProcessingRestrictions;
import io.team365.core.RecordLinks;
import io.team365.core.RecordRef;
import io.team365.core.web.FormErrors;
import io.team365.core.web.Texts;
import io.team365.customfields.CustomField;
import io.team365.customfields.CustomFieldManagement;
import io.team365.identity.Actors;
import io.team365.leads.Lead;
import io.team365.leads.LeadFields;
import io.team365.leads.LeadManagement;
import io.team365.leads.LeadPage;
import io.team365.leads.LeadQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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

/** The lead pages: the trash, a new lead, a lead's own page and its conversion (the list is LeadListController). */
@Controller
class LeadController {

    private static final int PAGE_SIZE = 50;

    /** Where the convert form shows the problems of each part of the request. */
    private static final Map<String, String> CONVERT_FIELDS = Map.of(
            "company", "companyId",
            "company.id", "companyId",
            "company.name", "newCompanyName",
            "deal.name", "dealName",
            "deal.value.amount", "dealAmount",
            "deal.value.currency", "dealCurrency");

    private final LeadManagement leads;
    private final MessageSource messages;
    private final CustomFieldManagement customFields;
    private final RecordLinks records;

    private final ProcessingRestrictions restrictions;

    LeadController(
            LeadManagement leads,
            MessageSource messages,
            CustomFieldManagement customFields,
            RecordLinks records,
            ProcessingRestrictions restrictions) {
        this.restrictions = restrictions;
        this.leads = leads;
        this.messages = messages;
        this.customFields = customFields;
        this.records = records;
    }

    @GetMapping("/leads/trash")
    String trash(@RequestParam(required = false) String cursor, Model model) {
        LeadQuery query = new LeadQuery(null, List.of(), true, null, cursor, PAGE_SIZE);
        LeadPage page;
        try {
            page = leads.list(query);
        } catch (InvalidInput badCursor) {
            page = leads.list(new LeadQuery(null, List.of(), true, null, null, PAGE_SIZE));
        }
        model.addAttribute("leads", page.leads());
        model.addAttribute("nextCursor", page.nextCursor());
        return "leads/trash";
    }

    @GetMapping("/leads/new")
    String newLead(Model model) {
        return form(model, LeadForm.empty(), FormErrors.none());
    }

    @PostMapping("/leads")
    String create(
            @ModelAttribute LeadForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            Lead created = leads.create(
                    form.applyTo(
                            LeadFields.empty(),
                            CustomFieldInputs.read(definitions(), request.getParameterMap(), Map.of())),
                    Actors.of(request));
            return "redirect:/leads/" + created.id() + "?done=created";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, FormErrors.of(invalid, messages, locale));
        }
    }

    @GetMapping("/leads/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) String done,
            HttpServletRequest request,
            Model model) {
        Lead lead = find(id, request);
        return page(model, lead, LeadForm.of(lead), ConvertForm.of(lead), FormErrors.none(), done);
    }

    @PostMapping("/leads/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute LeadForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            leads.update(
                    id,
                    form.version(),
                    current -> form.applyTo(
                            current,
                            CustomFieldInputs.read(definitions(), request.getParameterMap(), current.customFields())),
                    Actors.of(request));
            return "redirect:/leads/" + id + "?done=saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Lead lead = find(id, request);
            return page(model, lead, form, ConvertForm.of(lead), FormErrors.of(invalid, messages, locale), null);
        } catch (PreconditionFailed stale) {
            // show what the other person saved; the reader redoes their change on top of it
            response.setStatus(HttpStatus.CONFLICT.value());
            Lead current = find(id, request);
            return page(
                    model, current, LeadForm.of(current), ConvertForm.of(current), single("lead.stale", locale), null);
        } catch (Conflict converted) {
            response.setStatus(HttpStatus.CONFLICT.value());
            Lead current = find(id, request);
            return page(
                    model,
                    current,
                    LeadForm.of(current),
                    ConvertForm.of(current),
                    single(converted.messageKey(), locale),
                    null);
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/leads/{id}/convert")
    String convert(
            @PathVariable UUID id,
            @ModelAttribute ConvertForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            leads.convert(id, form.toRequest(), Actors.of(request));
            return "redirect:/leads/" + id + "?done=converted";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Lead lead = find(id, request);
            return page(model, lead, LeadForm.of(lead), form, convertErrors(invalid, locale), null);
        } catch (Conflict twice) {
            response.setStatus(HttpStatus.CONFLICT.value());
            Lead lead = find(id, request);
            return page(model, lead, LeadForm.of(lead), form, single(twice.messageKey(), locale), null);
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/leads/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request) {
        try {
            leads.trash(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/leads?done=trashed";
    }

    @PostMapping("/leads/{id}/restore")
    String restore(@PathVariable UUID id, HttpServletRequest request) {
        try {
            leads.restore(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/leads/" + id + "?done=restored";
    }

    /**
     * The conversion's problems beside the convert form's fields; a problem of the contact it would make (a required
     * contact field, say) has no field there and is shown above the form, naming the field.
     */
    private FormErrors convertErrors(InvalidInput invalid, Locale locale) {
        List<InvalidInput.FieldError> placed = new ArrayList<>();
        for (InvalidInput.FieldError e : invalid.errors()) {
            String field = CONVERT_FIELDS.get(e.field());
            if (field != null) {
                placed.add(new InvalidInput.FieldError(field, e.messageKey(), e.args()));
            } else {
                String text = Texts.of(messages, e.messageKey(), e.args(), locale);
                placed.add(new InvalidInput.FieldError("convert", "leads.convert-refused", e.field(), text));
            }
        }
        return FormErrors.of(new InvalidInput(placed), messages, locale);
    }

    private FormErrors single(String key, Locale locale) {
        return FormErrors.single("form", messages.getMessage(key, null, key, locale));
    }

    private Lead find(UUID id, HttpServletRequest request) {
        try {
            return leads.view(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private List<CustomField> definitions() {
        return customFields.list("lead");
    }

    private String form(Model model, LeadForm form, FormErrors errors) {
        model.addAttribute("customFields", definitions());
        model.addAttribute("values", Map.of());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "leads/new";
    }

    private String page(Model model, Lead lead, LeadForm form, ConvertForm convert, FormErrors errors, String done) {
        model.addAttribute("customFields", definitions());
        model.addAttribute("values", lead.customFields());
        model.addAttribute("lead", lead);
        model.addAttribute("form", form);
        model.addAttribute("convert", convert);
        model.addAttribute("companyName", companyName(convert.companyId()));
        model.addAttribute("made", made(lead));
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("restricted", restrictions.isRestricted("lead", lead.id()));
        return "leads/show";
    }

    /** The records a converted lead became, as links, for those the reader may still see. */
    private List<RecordRef> made(Lead lead) {
        if (!lead.converted()) {
            return List.of();
        }
        return java.util.stream.Stream.of(
                        records.find("contact", lead.convertedContactId()),
                        records.find("company", lead.convertedCompanyId()),
                        records.find("deal", lead.convertedDealId()))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private String companyName(String companyId) {
        try {
            return companyId == null || companyId.isBlank()
                    ? null
                    : records.find("company", UUID.fromString(companyId))
                            .map(RecordRef::title)
                            .orElse(null);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
