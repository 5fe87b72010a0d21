package io.team365.leads.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.core.web.InlineEditing;
import io.team365.identity.Actors;
import io.team365.leads.Lead;
import io.team365.leads.LeadManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Editing one field of a lead in place on its page (a converted lead refuses, as every edit of it does). */
@Controller
@RequestMapping("/leads")
class LeadInlineController extends InlineEditing<Lead> {

    private final LeadManagement leads;

    LeadInlineController(LeadManagement leads, MessageSource messages) {
        super(messages, "lead", "leads", LeadForm.INLINE);
        this.leads = leads;
    }

    @Override
    protected Lead view(UUID id, HttpServletRequest request) {
        return leads.view(id, Actors.of(request));
    }

    @Override
    protected Lead update(
            UUID id, Integer version, Lead current, String field, String value, HttpServletRequest request) {
        return leads.update(
                id,
                version,
                fields -> LeadForm.of(current).with(field, value).applyTo(fields, fields.customFields()),
                Actors.of(request));
    }

    @Override
    protected String value(Lead lead, String field) {
        return LeadForm.of(lead).value(field);
    }

    @Override
    protected FormErrors errors(InvalidInput invalid, Locale locale) {
        return super.errors(invalid, locale)
                .renamed("emails[0].address", "email")
                .renamed("phones[0].number", "phone");
    }
}
