package io.team365.companies.web;

import io.team365.companies.CompanyMerge;
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
 * A company merged into another is gone; its page ({@code /companies/<id>}, from a bookmark or an old link) redirects
 * to the company it was merged into (ADR 0017). Any other "not found" stays one.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = CompanyController.class)
class MergedCompanyRedirect {

    private static final Pattern PAGE = Pattern.compile("^/companies/([0-9a-fA-F-]{36})$");

    private final CompanyMerge merges;

    MergedCompanyRedirect(CompanyMerge merges) {
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
        return "redirect:/companies/" + survivor.orElseThrow(() -> notFound);
    }
}
