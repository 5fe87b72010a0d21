package io.team365.contacts.web;

import io.team365.contacts.ContactMerge;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * A contact merged into another is gone; its page ({@code /contacts/<id>}, from a bookmark or an old link) redirects
 * to the contact it was merged into (ADR 0017). Any other "not found" stays one.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = ContactController.class)
class MergedContactRedirect {

    private static final Pattern PAGE = Pattern.compile("^/contacts/([0-9a-fA-F-]{36})$");

    private final ContactMerge merges;

    MergedContactRedirect(ContactMerge merges) {
        this.merges = merges;
    }

    /** Rethrowing the same exception leaves it to the usual handling (the 404 page). */
    @ExceptionHandler(ResponseStatusException.class)
    String redirectIfMerged(ResponseStatusException notFound, HttpServletRequest request) {
        Matcher page = PAGE.matcher(request.getRequestURI());
        if (notFound.getStatusCode() != HttpStatus.NOT_FOUND || !"GET".equals(request.getMethod()) || !page.matches()) {
            throw notFound;
        }
        Optional<UUID> survivor;
        try {
            survivor = merges.survivorOf(UUID.fromString(page.group(1)));
        } catch (IllegalArgumentException notAnId) {
            throw notFound;
        }
        return "redirect:/contacts/" + survivor.orElseThrow(() -> notFound);
    }
}
