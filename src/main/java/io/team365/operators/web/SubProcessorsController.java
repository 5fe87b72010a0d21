package io.team365.operators.web;

import io.team365.operators.internal.SubProcessors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public list of Team365's service providers (sub-processors), with purpose and location. */
@Controller
class SubProcessorsController {

    private final SubProcessors providers;

    SubProcessorsController(SubProcessors providers) {
        this.providers = providers;
    }

    @GetMapping("/legal/sub-processors")
    String list(Model model) {
        model.addAttribute("providers", providers.all());
        model.addAttribute("updated", providers.updated());
        return "legal/sub-processors";
    }
}
