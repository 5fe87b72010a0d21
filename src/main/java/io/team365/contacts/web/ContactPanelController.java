package io.team365.contacts.web;

import io.team365.contacts.ContactManagement;
import io.team365.contacts.ContactPage;
import io.team365.contacts.ContactQuery;
import io.team365.core.RecordLinks;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The people of a company, as a panel its page loads with htmx. */
@Controller
class ContactPanelController {

    private static final int SHOWN = 25;

    private final ContactManagement contacts;
    private final RecordLinks records;

    ContactPanelController(ContactManagement contacts, RecordLinks records) {
        this.contacts = contacts;
        this.records = records;
    }

    @GetMapping("/contacts/panel")
    String panel(@RequestParam String recordType, @RequestParam UUID recordId, Model model) {
        if (!"company".equals(recordType) || records.find(recordType, recordId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ContactPage page = contacts.list(ContactQuery.atCompany(recordId, SHOWN));
        model.addAttribute("contacts", page.contacts());
        model.addAttribute("more", page.nextCursor() != null);
        model.addAttribute("companyId", recordId);
        return "contacts/panel";
    }
}
