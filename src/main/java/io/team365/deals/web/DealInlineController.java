package io.team365.deals.web;

import io.team365.core.web.InlineEditing;
import io.team365.deals.Deal;
import io.team365.deals.DealManagement;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Editing a deal's name, close date or tags in place on its page. */
@Controller
@RequestMapping("/deals")
class DealInlineController extends InlineEditing<Deal> {

    private final DealManagement deals;

    DealInlineController(DealManagement deals, MessageSource messages) {
        super(messages, "deal", "deals", DealForm.INLINE);
        this.deals = deals;
    }

    @Override
    protected Deal view(UUID id, HttpServletRequest request) {
        return deals.view(id, Actors.of(request));
    }

    @Override
    protected Deal update(
            UUID id, Integer version, Deal current, String field, String value, HttpServletRequest request) {
        return deals.update(
                id, version, fields -> DealForm.of(current).with(field, value).applyTo(fields), Actors.of(request));
    }

    @Override
    protected String value(Deal deal, String field) {
        return DealForm.of(deal).value(field);
    }
}
