package io.team365.shell.web;

import io.team365.contacts.ContactManagement;
import io.team365.contacts.WeekCount;
import io.team365.identity.SignedInUser;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ShellController {

    private final ContactManagement contacts;

    ShellController(ContactManagement contacts) {
        this.contacts = contacts;
    }

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
}
