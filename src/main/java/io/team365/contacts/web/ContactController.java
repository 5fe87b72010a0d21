package io.team365.contacts.web;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactFields;
import io.team365.contacts.ContactManagement;
import io.team365.contacts.ContactPage;
import io.team365.contacts.ContactQuery;
import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.ProcessingRestrictions;
import io.team365.core.RecordLinks;
import io.team365.core.RecordRef;
import io.team365.core.web.FormErrors;
import io.team365.customfields.CustomField;
import io.team365.customfields.CustomFieldInputs;
import io.team365.customfields.CustomFieldManagement;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/** The contact pages: the trash, a new contact, and a contact's own page (the list is ContactListController). */
@Controller
class ContactController {

    private static final int PAGE_SIZE = 50;

    private final ContactManagement contacts;
    private final MessageSource messages;
    private final CustomFieldManagement customFields;
    private final RecordLinks records;

    private final ProcessingRestrictions restrictions;

    ContactController(
            ContactManagement contacts,
            MessageSource messages,
            CustomFieldManagement customFields,
            RecordLinks records,
            ProcessingRestrictions restrictions) {
        this.restrictions = restrictions;
        this.records = records;
        this.customFields = customFields;
        this.contacts = contacts;
        this.messages = messages;
    }

    @GetMapping("/contacts/trash")
    String trash(@RequestParam(required = false) String cursor, Model model) {
        ContactPage page = listOrFirstPage(new ContactQuery(null, List.of(), true, null, cursor, PAGE_SIZE));
        model.addAttribute("contacts", page.contacts());
        model.addAttribute("nextCursor", page.nextCursor());
        return "contacts/trash";
    }

    @GetMapping("/contacts/new")
    String newContact(@RequestParam(required = false) UUID companyId, Model model) {
        ContactForm empty = ContactForm.empty();
        ContactForm form = companyId == null ? empty : ContactForm.empty().withCompany(companyId.toString());
        return form(model, form, FormErrors.none());
    }

    @PostMapping("/contacts")
    String create(
            @ModelAttribute ContactForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            ContactFields empty = ContactFields.empty();
            Contact created = contacts.create(
                    form.applyTo(empty, CustomFieldInputs.read(definitions(), request.getParameterMap(), Map.of())),
                    Actors.of(request));
            return "redirect:/contacts/" + created.id() + "?done=created";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, FormErrors.of(invalid, messages, locale));
        }
    }

    @GetMapping("/contacts/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) String done,
            HttpServletRequest request,
            Model model) {
        Contact contact = find(id, request);
        return page(model, contact, ContactForm.of(contact), FormErrors.none(), done);
    }

    @PostMapping("/contacts/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute ContactForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            contacts.update(
                    id,
                    form.version(),
                    current -> form.applyTo(
                            current,
                            CustomFieldInputs.read(definitions(), request.getParameterMap(), current.customFields())),
                    Actors.of(request));
            return "redirect:/contacts/" + id + "?done=saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, find(id, request), form, FormErrors.of(invalid, messages, locale), null);
        } catch (PreconditionFailed stale) {
            // show what the other person saved; the reader redoes their change on top of it
            response.setStatus(HttpStatus.CONFLICT.value());
            Contact current = find(id, request);
            String message = messages.getMessage("contact.stale", null, locale);
            return page(model, current, ContactForm.of(current), FormErrors.single("form", message), null);
        } catch (Conflict refused) {
            // a processing restriction: the page says so and nothing is saved
            response.setStatus(HttpStatus.CONFLICT.value());
            Contact current = find(id, request);
            String message = messages.getMessage(refused.messageKey(), null, locale);
            return page(model, current, ContactForm.of(current), FormErrors.single("form", message), null);
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/contacts/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request) {
        try {
            contacts.trash(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/contacts?done=trashed";
    }

    @PostMapping("/contacts/{id}/restore")
    String restore(@PathVariable UUID id, HttpServletRequest request) {
        try {
            contacts.restore(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/contacts/" + id + "?done=restored";
    }

    private Contact find(UUID id, HttpServletRequest request) {
        try {
            return contacts.view(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A cursor from an old bookmark that no longer parses starts again at the first page. */
    private ContactPage listOrFirstPage(ContactQuery query) {
        try {
            return contacts.list(query);
        } catch (InvalidInput badCursor) {
            return contacts.list(new ContactQuery(null, List.of(), query.deleted(), null, null, PAGE_SIZE));
        }
    }

    private List<CustomField> definitions() {
        return customFields.list("contact");
    }

    /** The name of the company a form shows as chosen, if it is one the reader may see. */
    private String companyName(ContactForm form) {
        try {
            return form.companyId() == null || form.companyId().isBlank()
                    ? null
                    : records.find("company", UUID.fromString(form.companyId()))
                            .map(RecordRef::title)
                            .orElse(null);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private String form(Model model, ContactForm form, FormErrors errors) {
        model.addAttribute("companyName", companyName(form));
        model.addAttribute("customFields", definitions());
        model.addAttribute("values", Map.of());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "contacts/new";
    }

    private String page(Model model, Contact contact, ContactForm form, FormErrors errors, String done) {
        model.addAttribute("companyName", companyName(form));
        model.addAttribute("customFields", definitions());
        model.addAttribute("values", contact.customFields());
        model.addAttribute("contact", contact);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("restricted", restrictions.isRestricted("contact", contact.id()));
        return "contacts/show";
    }
}
