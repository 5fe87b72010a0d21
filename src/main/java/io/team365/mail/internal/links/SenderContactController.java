package io.team365.mail.internal.links;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** "Add sender as contact", posted from the thread view's sender actions (mail/links/senderActions.jte). */
@Controller
class SenderContactController {

    private final SenderContacts senders;
    private final MessageSource messages;
    private final MailVisibility visibility;

    SenderContactController(SenderContacts senders, MessageSource messages, MailVisibility visibility) {
        this.senders = senders;
        this.visibility = visibility;
        this.messages = messages;
    }

    @PostMapping("/mail/messages/{id}/sender-contact")
    String add(
            @PathVariable UUID id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            UUID thread = senders.addSender(id, Actors.of(request));
            return "redirect:/mail/threads/" + thread + "?senderAdded";
        } catch (InvalidInput refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", FormErrors.of(refused, messages, locale));
            model.addAttribute(
                    "threadId",
                    visibility
                            .find(id)
                            .map(MailVisibility.VisibleMessage::threadId)
                            .orElse(null));
            return "mail/links/refused";
        }
    }
}
