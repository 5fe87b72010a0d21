package io.team365.imports.api;

import io.team365.core.web.ProblemResponses;
import io.team365.imports.internal.ImportSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * An import upload whose declared length is over the limit gets a 413 naming the limit before anything is stored
 * (the body is read and discarded up to a bound, so the client, done sending, reads the answer).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 21)
class ImportUploadSizeFilter extends OncePerRequestFilter {

    private static final long ENVELOPE = 64 * 1024;
    private static final Set<String> PATHS = Set.of("/api/v1/imports", "/imports/upload");

    private final long maxSize;
    private final ObjectMapper json;

    ImportUploadSizeFilter(ImportSettings settings, ObjectMapper json) {
        this.maxSize = settings.maxSize().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod())
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || !PATHS.contains(request.getRequestURI()
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
                body.transferTo(OutputStream.nullOutputStream());
            }
        } else {
            response.setHeader("Connection", "close");
        }
        if (ProblemResponses.isApi(request)) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), ImportSizeProblem.of(maxSize));
        } else {
            response.sendError(
                    HttpStatus.CONTENT_TOO_LARGE.value(),
                    ImportSizeProblem.of(maxSize).getDetail());
        }
    }
}
