package io.team365.companies.web;

import io.team365.companies.Company;
import io.team365.companies.CompanyManagement;
import io.team365.core.web.InlineEditing;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Editing one field of a company in place, with htmx (see {@link InlineEditing}). */
@Controller
@RequestMapping("/companies")
class CompanyInlineController extends InlineEditing<Company> {

    private final CompanyManagement companies;

    CompanyInlineController(CompanyManagement companies, MessageSource messages) {
        super(messages, "company", "companies", CompanyForm.INLINE);
        this.companies = companies;
    }

    @Override
    protected Company view(UUID id, HttpServletRequest request) {
        return companies.view(id, Actors.of(request));
    }

    @Override
    protected Company update(
            UUID id, Integer version, Company current, String field, String value, HttpServletRequest request) {
        return companies.update(
                id,
                version,
                fields -> CompanyForm.of(current).with(field, value).applyTo(fields, fields.customFields()),
                Actors.of(request));
    }

    @Override
    protected String value(Company company, String field) {
        return CompanyForm.of(company).value(field);
    }
}
