package io.team365.identity.internal;

import io.team365.core.web.ProblemResponses;
import io.team365.identity.SignedInUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API requests that carry {@code Authorization: Bearer t365_…}; never creates a session. */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String AUTHENTICATED_BY_TOKEN = BearerTokenFilter.class.getName() + ".token";

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // tokens are for the API only: on pages they would turn into browser sessions that outlive the token
        if (!hasBearerToken(request) || !ProblemResponses.isApi(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SignedInUser> user = tokens.authenticate(
                request.getHeader("Authorization").substring(7).strip());
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemResponses.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The access token is unknown or revoked.",
                    request.getRequestURI());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, RoleAuthorities.of(user.get().role())));
        SecurityContextHolder.setContext(context);
        request.setAttribute(AUTHENTICATED_BY_TOKEN, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
