package io.team365.privacy.internal;

import io.team365.identity.SignedInUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks a signed-in person to accept a material change before they go on: pages redirect to the acceptance page. API
 * calls (tokens or a session) keep working, so integrations do not break, but say what is pending in the
 * {@value #HEADER} header. Runs after the security chain, so the person and their Client are known.
 *
 * <p>Exempt: the acceptance page itself and the rest of Settings → Your data (someone who does not accept may still
 * download their data and close their account), signing out, the public legal pages, static files, error pages.
 */
@Component
class PendingAcceptanceFilter extends OncePerRequestFilter {

    static final String HEADER = "Team365-Acceptance-Required";
    static final String ACCEPT_PAGE = "/settings/account/policies";
    private static final List<String> EXEMPT = List.of(
            "/settings/account",
            "/logout",
            "/legal/",
            "/css/",
            "/js/",
            "/img/",
            "/favicon",
            "/error",
            "/login",
            "/webjars/",
            "/actuator/");

    private final PolicyAcceptances acceptances;

    PendingAcceptanceFilter(PolicyAcceptances acceptances) {
        this.acceptances = acceptances;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var user = SignedInUser.current();
        if (user.isEmpty() || EXEMPT.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        if (acceptances.nothingPending(user.get())) {
            chain.doFilter(request, response);
            return;
        }
        List<PolicyAcceptances.Pending> pending = acceptances.pending(user.get());
        if (pending.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/")) {
            response.setHeader(
                    HEADER,
                    pending.stream()
                            .map(item ->
                                    item.document().key + "=" + item.required().version())
                            .collect(Collectors.joining(", ")));
            chain.doFilter(request, response);
            return;
        }
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", ACCEPT_PAGE);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", ACCEPT_PAGE);
    }
}
