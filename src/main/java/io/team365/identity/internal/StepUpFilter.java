package io.team365.identity.internal;

import io.team365.core.web.ProblemResponses;
import io.team365.identity.SignedInUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks a browser session to confirm who it is before a sensitive action, by path, so an action is covered whichever
 * module's controller handles it. API tokens are not asked: they cannot re-authenticate, and each was itself created
 * under step-up by a signed-in person (ADR 0027).
 */
class StepUpFilter extends OncePerRequestFilter {

    /** A sensitive POST, and the page to come back to after confirming (a form cannot be re-posted for the person). */
    record Rule(String pathPrefix, boolean exact, String backTo) {
        boolean matches(String path) {
            return exact ? path.equals(pathPrefix) : path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule("/settings/password", true, "/settings/password"),
            new Rule("/settings/email", false, "/settings/profile"),
            new Rule("/settings/tokens", true, "/settings/tokens"),
            new Rule("/api/v1/me/tokens", true, null),
            new Rule("/settings/account/download", true, "/settings/account"),
            new Rule("/settings/security/totp/start", true, "/settings/security"),
            new Rule("/settings/security/totp/remove", true, "/settings/security"),
            new Rule("/settings/security/recovery-codes", true, "/settings/security"),
            // adding (the JSON post), renaming and removing passkeys: the prefix covers every sub-path
            new Rule("/settings/security/passkeys", false, "/settings/security/passkeys"),
            // single sign-on: linking or unlinking an identity, and the Client's own provider and its rules
            new Rule("/settings/security/identities", false, "/settings/security/identities"),
            new Rule("/settings/client/sign-in", false, "/settings/client/sign-in"));

    private final StepUp stepUp;

    StepUpFilter(StepUp stepUp) {
        this.stepUp = stepUp;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Rule> rule = sensitive(request);
        if (rule.isEmpty()
                || request.getAttribute(BearerTokenFilter.AUTHENTICATED_BY_TOKEN) != null
                || SignedInUser.current().isEmpty()
                || stepUp.isRecent(request)) {
            chain.doFilter(request, response);
            return;
        }
        String back = rule.get().backTo();
        if (back == null || ProblemResponses.isApi(request)) {
            ProblemResponses.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Confirm it is you first: sign in again or confirm at " + StepUp.CONFIRM_PAGE + " (needed within "
                            + StepUp.WINDOW.toMinutes() + " minutes before this action).",
                    request.getRequestURI());
            return;
        }
        String target = request.getContextPath() + StepUp.CONFIRM_PAGE + "?next="
                + URLEncoder.encode(back, StandardCharsets.UTF_8);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return;
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", target);
    }

    private static Optional<Rule> sensitive(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return RULES.stream().filter(rule -> rule.matches(path)).findFirst();
    }
}
