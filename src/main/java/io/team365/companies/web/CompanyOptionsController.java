package io.team365.companies.web;

import io.team365.companies.Company;
import io.team365.companies.CompanyManagement;
import io.team365.companies.CompanyQuery;
import io.team365.core.InvalidInput;
import io.team365.core.paging.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The options of a company picker on other records' forms: the chosen company first, then up to 20 matches of what
 * the person typed. Forms load it with htmx as they type, so it stays fast with any number of companies.
 */
@Controller
class CompanyOptionsController {

    private static final int SHOWN = 20;

    private final CompanyManagement companies;

    CompanyOptionsController(CompanyManagement companies) {
        this.companies = companies;
    }

    @GetMapping("/companies/options")
    String options(
            @RequestParam(name = "companyQuery", required = false) String q,
            @RequestParam(name = "companyId", required = false) String selected,
            Model model) {
        UUID chosen = parse(selected);
        List<Company> options = new ArrayList<>();
        if (chosen != null) {
            companies.find(chosen).filter(c -> c.deletedAt() == null).ifPresent(options::add);
        }
        String search = q == null || q.isBlank() || q.length() > 200 ? null : q.strip();
        try {
            companies
                    .list(CompanyQuery.of(
                            null,
                            // "starts with" is an index range on the name, fast with any number of companies
                            search == null ? List.of() : List.of(new Filters.Condition("name", "starts", search)),
                            "name",
                            null,
                            SHOWN))
                    .companies()
                    .stream()
                    .filter(c -> !c.id().equals(chosen))
                    .forEach(options::add);
        } catch (InvalidInput unusable) {
            // a search the list refuses shows only the chosen company
        }
        model.addAttribute("options", options);
        model.addAttribute("selected", chosen);
        return "companies/options";
    }

    private static UUID parse(String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
