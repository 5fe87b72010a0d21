package io.team365.shell.web;

import io.team365.contacts.ContactManagement;
import io.team365.contacts.WeekCount;
import io.team365.identity.SignedInUser;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

@Controller
class ShellController {

    private final ContactManagement contacts;

    ShellController(ContactManagement contacts) {
        this.contacts = contacts;
    }

    /** Sections in the navigation whose records arrive with the CRM records capability (issue 3). */
    private static final Set<String> UPCOMING_SECTIONS = Set.of("companies", "deals", "activities");

    @GetMapping("/")
    String landing() {
        return SignedInUser.current().isPresent() ? "redirect:/app" : "shell/landing";
    }

    @GetMapping("/app")
    String home(Model model) {
        List<WeekCount> weeks = contacts.newPerWeek(12);
        model.addAttribute("user", SignedInUser.require());
        model.addAttribute("contactCount", contacts.count());
        model.addAttribute("newThisWeek", weeks.isEmpty() ? 0 : weeks.getLast().count());
        model.addAttribute("weeks", weeks);
        return "shell/home";
    }

    @GetMapping("/{section:companies|deals|activities}")
    String section(@PathVariable String section, Model model) {
        if (!UPCOMING_SECTIONS.contains(section)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("section", section);
        return "shell/section";
    }
}
