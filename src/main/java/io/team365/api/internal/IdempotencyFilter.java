package io.team365.api.internal;

import io.team365.core.TenantId;
import io.team365.core.web.ProblemResponses;
import io.team365.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on API creates: the first request with a key does the work and its 2xx response is kept;
 * a retry with the same key and body gets that response again ({@code Idempotent-Replayed: true}); the same key
 * with another body is refused with 422, and a retry while the first is still running with 409. Keys belong to
 * the person and Client the request acts for, and live 24 hours. Runs after Spring Security, so the tenant is bound.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final IdempotencyKeys keys;

    IdempotencyFilter(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !ProblemResponses.isApi(request)
                || request.getHeader(HEADER) == null
                || TenantContext.tenant().isEmpty()
                || TenantContext.user().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200 || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            ProblemResponses.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "Idempotency-Key must be 1 to 200 visible ASCII characters.",
                    request.getRequestURI());
            return;
        }
        // a multipart body is parsed by the container from the original stream, so it is hashed part by part and
        // the request passed on untouched; any other body is read once and replayed to the controller
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        byte[] body = multipart ? null : request.getInputStream().readAllBytes();
        TenantId tenant = TenantContext.requireTenant();
        UUID user = TenantContext.user().orElseThrow();
        IdempotencyKeys.Claim claim =
                keys.claim(tenant, user, key, multipart ? hashParts(request) : hash(request, body));
        switch (claim) {
            case IdempotencyKeys.Replay replay -> replay(replay, response);
            case IdempotencyKeys.Refused refused ->
                ProblemResponses.write(
                        response,
                        refused.inProgress() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
                        refused.inProgress()
                                ? "A request with this Idempotency-Key is still being processed; retry shortly."
                                : "This Idempotency-Key was used for a different request.",
                        request.getRequestURI());
            case IdempotencyKeys.Claimed claimed -> proceed(request, response, chain, body, tenant, user, key);
        }
    }

    private void proceed(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            byte[] body,
            TenantId tenant,
            UUID user,
            String key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(body == null ? request : new ReplayableRequest(request, body), recorded);
            if (recorded.getStatus() >= 200 && recorded.getStatus() < 300) {
                keys.complete(
                        tenant,
                        user,
                        key,
                        recorded.getStatus(),
                        recorded.getContentType(),
                        recorded.getHeader("Location"),
                        recorded.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                keys.release(tenant, user, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyKeys.Replay replay, HttpServletResponse response) throws IOException {
        response.setStatus(replay.status());
        if (replay.contentType() != null) {
            response.setContentType(replay.contentType());
        }
        if (replay.location() != null) {
            response.setHeader("Location", replay.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(replay.body());
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(
                    (request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hashParts(HttpServletRequest request) throws IOException, ServletException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(
                    (request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            for (jakarta.servlet.http.Part part : request.getParts()) {
                digest.update(
                        (part.getName() + "\n" + part.getSubmittedFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                try (java.io.InputStream in = part.getInputStream()) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request body, read once for hashing, served again to the controller. */
    private static final class ReplayableRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
