package io.team365.contacts.web;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactManagement;
import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.core.web.InlineEditing;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Editing one field of a contact in place, with htmx (see {@link InlineEditing}). */
@Controller
@RequestMapping("/contacts")
class ContactInlineController extends InlineEditing<Contact> {

    private final ContactManagement contacts;

    ContactInlineController(ContactManagement contacts, MessageSource messages) {
        super(messages, "contact", "contacts", ContactForm.INLINE);
        this.contacts = contacts;
    }

    @Override
    protected Contact view(UUID id, HttpServletRequest request) {
        return contacts.view(id, Actors.of(request));
    }

    @Override
    protected Contact update(
            UUID id, Integer version, Contact current, String field, String value, HttpServletRequest request) {
        return contacts.update(
                id,
                version,
                fields -> ContactForm.of(current).with(field, value).applyTo(fields),
                Actors.of(request));
    }

    @Override
    protected String value(Contact contact, String field) {
        return ContactForm.of(contact).value(field);
    }

    /** The form edits the first email and phone as plain fields. */
    @Override
    protected FormErrors errors(InvalidInput invalid, Locale locale) {
        return super.errors(invalid, locale)
                .renamed("emails[0].address", "email")
                .renamed("phones[0].number", "phone");
    }
}
