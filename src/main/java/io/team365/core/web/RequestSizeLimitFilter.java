package io.team365.core.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies larger than {@code team365.web.max-json-body-bytes} (1 MiB) before anything reads them;
 * file uploads have their own, larger multipart limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimitFilter(@Value("${team365.web.max-json-body-bytes}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > maxBytes) {
            String detail = "The request body is larger than " + maxBytes + " bytes.";
            if (ProblemResponses.isApi(request)) {
                ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, detail, request.getRequestURI());
            } else {
                response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), detail);
            }
            return;
        }
        boolean undeclaredLength = request.getContentLengthLong() < 0;
        chain.doFilter(multipart || !undeclaredLength ? request : new LimitedBodyRequest(request, maxBytes), response);
    }
}
