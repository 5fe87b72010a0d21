package io.team365.files.internal;

import io.team365.core.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Uploads whose declared length is over the limit get a clear 413 naming the limit, not a reset connection.
 * {@code core.web.RequestSizeLimitFilter} lets every multipart body through to the container's multipart limits;
 * those abort the upload mid-way and the container then closes the connection while the client is still sending,
 * which browsers and HTTP clients report as a network error. So this reads and discards an oversized body (up to
 * twice the limit, beyond which the connection is closed after the answer) before answering, and the client,
 * done sending, reads the answer. Bodies of undeclared length are cut by the multipart limits instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadSizeFilter extends OncePerRequestFilter {

    /** Room for the multipart boundaries, part headers and the other form fields around the file. */
    static final long ENVELOPE = 64 * 1024;

    private static final Set<String> UPLOAD_PATHS = Set.of("/api/v1/files", "/files");

    private final long maxSize;
    private final MessageSource messages;
    private final ObjectMapper json;

    UploadSizeFilter(UploadChecks checks, MessageSource messages, ObjectMapper json) {
        this.maxSize = checks.maxSize();
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod())
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || !UPLOAD_PATHS.contains(request.getRequestURI()
                        .substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length <= maxSize + ENVELOPE) {
            chain.doFilter(request, response);
            return;
        }
        if (length <= 2 * maxSize + ENVELOPE) {
            try (InputStream body = request.getInputStream()) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } else {
            response.setHeader("Connection", "close");
        }
        Locale locale = request.getLocale();
        String message = messages.getMessage(
                "files.too-large", new Object[] {FileSizes.human(maxSize, locale)}, "files.too-large", locale);
        if (ProblemResponses.isApi(request)) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
            problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
            problem.put("detail", message);
            problem.put("instance", request.getRequestURI());
            problem.put("maxSize", maxSize);
            problem.put("errors", List.of(Map.of("field", "file", "message", message)));
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        } else {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), message);
        }
    }
}
