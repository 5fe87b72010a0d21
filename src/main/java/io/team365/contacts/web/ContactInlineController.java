package io.team365.contacts.web;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactManagement;
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
 * Editing one field of a contact in place, with htmx: the field turns into an input, saving answers with the new
 * value (and the contact's new version, swapped into the page's edit form out of band). A problem or a newer version
 * keeps the input open with the reason, answered with 200 so htmx shows it.
 */
@Controller
class ContactInlineController {

    private final ContactManagement contacts;
    private final MessageSource messages;

    ContactInlineController(ContactManagement contacts, MessageSource messages) {
        this.contacts = contacts;
        this.messages = messages;
    }

    @GetMapping("/contacts/{id}/inline/{field}")
    String show(
            @PathVariable UUID id,
            @PathVariable String field,
            @RequestParam(defaultValue = "false") boolean cancel,
            HttpServletRequest request,
            Model model) {
        Contact contact = find(id, field, request);
        return cancel ? value(model, contact, field) : edit(model, contact, field, null, null);
    }

    @PostMapping("/contacts/{id}/inline/{field}")
    String save(
            @PathVariable UUID id,
            @PathVariable String field,
            @RequestParam(required = false) Integer version,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        Contact current = find(id, field, request);
        String value = request.getParameter(field);
        try {
            Contact saved = contacts.update(
                    id,
                    version,
                    fields -> ContactForm.of(current).with(field, value).applyTo(fields),
                    Actors.of(request));
            return value(model, saved, field);
        } catch (InvalidInput invalid) {
            FormErrors errors = FormErrors.of(invalid, messages, locale)
                    .renamed("emails[0].address", "email")
                    .renamed("phones[0].number", "phone");
            String message = errors.get(field).orElse(errors.message(errors.firstField()));
            return edit(model, current, field, value, message);
        } catch (PreconditionFailed stale) {
            Contact newer = find(id, field, request);
            return edit(model, newer, field, null, messages.getMessage("inline.stale", null, locale));
        }
    }

    private Contact find(UUID id, String field, HttpServletRequest request) {
        if (!ContactForm.INLINE.contains(field)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            return contacts.view(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String edit(Model model, Contact contact, String field, String typed, String error) {
        model.addAttribute("contact", contact);
        model.addAttribute("field", field);
        model.addAttribute(
                "value", typed != null ? typed : nz(ContactForm.of(contact).value(field)));
        model.addAttribute("error", error);
        return "contacts/inline-edit";
    }

    private String value(Model model, Contact contact, String field) {
        model.addAttribute("contact", contact);
        model.addAttribute("field", field);
        model.addAttribute("value", ContactForm.of(contact).value(field));
        return "contacts/inline-value";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
