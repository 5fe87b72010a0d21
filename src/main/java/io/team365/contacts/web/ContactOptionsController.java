package io.team365.contacts.web;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactManagement;
import io.team365.contacts.ContactQuery;
import io.team365.core.InvalidInput;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The options of a contact picker on other records' forms: up to 20 contacts matching what the person typed (name or
 * email), loaded with htmx as they type, so it stays fast with a million contacts.
 */
@Controller
class ContactOptionsController {

    private static final int SHOWN = 20;

    private final ContactManagement contacts;

    ContactOptionsController(ContactManagement contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/contacts/options")
    String options(@RequestParam(name = "contactQuery", required = false) String q, Model model) {
        String search = q == null || q.isBlank() || q.length() > 200 ? null : q.strip();
        List<Contact> found;
        try {
            found = contacts.list(new ContactQuery(search, List.of(), false, "lastName", null, SHOWN))
                    .contacts();
        } catch (InvalidInput unusable) {
            found = List.of();
        }
        model.addAttribute("options", found);
        return "contacts/options";
    }
}
