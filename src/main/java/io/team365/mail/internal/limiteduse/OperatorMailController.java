package io.team365.mail.internal.limiteduse;

import io.team365.core.TenantId;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operator console's mail pages (ROLE_OPERATOR, by the /operator/** rule): the messages users approved for the
 * signed-in operator, and each one's content under its approval. Nothing else of any mailbox is reachable here.
 */
@Controller
class OperatorMailController {

    private final OperatorApprovals approvals;
    private final OperatorMailReader reader;

    OperatorMailController(OperatorApprovals approvals, OperatorMailReader reader) {
        this.approvals = approvals;
        this.reader = reader;
    }

    @GetMapping("/operator/mail")
    String approved(Model model) {
        model.addAttribute(
                "approved", approvals.approvedFor(SignedInUser.require().email()));
        return "mail/links/operatorMail";
    }

    @GetMapping("/operator/mail/{tenant}/{approval}")
    String message(@PathVariable String tenant, @PathVariable UUID approval, HttpServletRequest request, Model model) {
        TenantId client;
        try {
            client = new TenantId(UUID.fromString(tenant));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute(
                "message",
                reader.read(client, approval, Actors.of(request))
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "mail/links/operatorMessage";
    }
}
