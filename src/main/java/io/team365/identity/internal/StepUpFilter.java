package io.team365.identity.internal;

import io.team365.identity.SignedInUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks a browser session to confirm who it is before a sensitive action, by path, so an action is covered whichever
 * module's controller handles it. API tokens are not asked: they cannot re-authenticate, and each was itself created
 * under step-up by a signed-in person (ADR 0027).
 */
class StepUpFilter extends OncePerRequestFilter {

    /**
     * A sensitive action, as a path pattern matched the way Spring MVC routes it (decoded, segment by segment, so an
     * encoded or re-spelt path cannot slip past), and the page to come back to after confirming (a form cannot be
     * re-posted for the person; {@code null}: answer a 403 problem).
     */
    record Rule(String pattern, String backTo) {
        private RequestMatcher matcher() {
            return RequestRules.paths(pattern);
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule("/settings/password/**", "/settings/password"),
            new Rule("/settings/email/**", "/settings/profile"),
            new Rule("/settings/tokens", "/settings/tokens"),
            new Rule("/api/v1/me/tokens", null),
            new Rule("/settings/account/download", "/settings/account"),
            // the authenticator app: starting, confirming (which hands out recovery codes) and removing it; after
            // confirming, the person is back at the set-up they left open (or at Settings → Security without one).
            // Sign-in's own enrolment is /login/second-factor/enrol, outside these rules.
            new Rule("/settings/security/totp/**", "/settings/security/totp"),
            new Rule("/settings/security/recovery-codes/**", "/settings/security"),
            // adding (the JSON post), renaming and removing passkeys
            new Rule("/settings/security/passkeys/**", "/settings/security/passkeys"),
            // single sign-on: linking or unlinking an identity, and the Client's own provider and its rules
            new Rule("/settings/security/identities/**", "/settings/security/identities"),
            new Rule("/settings/client/sign-in/**", "/settings/client/sign-in"),
            // an admin switching the Client's two-factor rule on or off
            new Rule("/settings/client/mfa/**", "/settings/client"),
            // the same rule through the API (a signed-in browser; tokens are not asked)
            new Rule("/api/v1/client", null));

    private static final List<Map.Entry<RequestMatcher, Rule>> MATCHERS =
            RULES.stream().map(rule -> Map.entry(rule.matcher(), rule)).toList();

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
        RequestRules.turnAway(
                request,
                response,
                "Confirm it is you first: sign in again or confirm at " + StepUp.CONFIRM_PAGE + " (needed within "
                        + StepUp.WINDOW.toMinutes() + " minutes before this action).",
                back == null ? null : StepUp.CONFIRM_PAGE + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }

    static Optional<Rule> sensitive(HttpServletRequest request) {
        if (!RequestRules.changesSomething(request)) {
            return Optional.empty();
        }
        return MATCHERS.stream()
                .filter(entry -> entry.getKey().matches(request))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
