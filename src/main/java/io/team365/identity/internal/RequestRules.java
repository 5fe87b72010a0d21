package io.team365.identity.internal;

import io.team365.core.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;

/**
 * What the sign-in filters (step-up, the two-factor gate, a Client provider's session) share: paths matched as Spring
 * MVC routes them (decoded, whole segments, so no encoded or re-spelt path slips past), which requests change
 * something, and how a refused request is turned away.
 */
final class RequestRules {

    /** Reading changes nothing; every other method (POST, PUT, PATCH, DELETE, and any a client invents) does. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private RequestRules() {}

    static RequestMatcher paths(String... patterns) {
        return RequestMatchers.anyOf(
                Stream.of(patterns).map(PathPatternRequestMatcher::pathPattern).toArray(RequestMatcher[]::new));
    }

    static boolean changesSomething(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod());
    }

    /**
     * The API (or a rule without a page) gets a 403 problem with {@code apiDetail}; htmx is sent to {@code page}
     * with HX-Redirect; a form post with 303.
     */
    static void turnAway(HttpServletRequest request, HttpServletResponse response, String apiDetail, String page)
            throws IOException {
        if (page == null || ProblemResponses.isApi(request)) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, apiDetail, request.getRequestURI());
            return;
        }
        String target = request.getContextPath() + page;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return;
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", target);
    }
}
