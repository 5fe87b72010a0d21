package io.team365.privacy.web;

import io.team365.core.web.KeyedRateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The preference centre and unsubscribe pages, for anyone holding a link: throttled per address and per link (a
 * flood gets 429 and changes nothing), and served without a session, so they set no cookie at all. Their forms need
 * no CSRF token: the secret in the address is what an attacker would lack (the security rules exempt both paths).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100) // after Spring Security, which offers the CSRF token this hides
class PublicPreferencePages extends OncePerRequestFilter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final KeyedRateLimits limits = new KeyedRateLimits(WINDOW);
    private final long perAddress;
    private final long perLink;
    private final MessageSource messages;

    PublicPreferencePages(
            @Value("${team365.rate-limits.preferences-per-address-per-minute:60}") long perAddress,
            @Value("${team365.rate-limits.preferences-per-link-per-minute:20}") long perLink,
            MessageSource messages) {
        this.perAddress = perAddress;
        this.perLink = perLink;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/preferences/") && !path.startsWith("/unsubscribe/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String token = path.substring(path.indexOf('/', 1) + 1);
        // RFC 8058 one-click posts come from a few mail providers' addresses, after their scanners have fetched the
        // link: they are idempotent and must never be lost, so they only meet a generous per-address limit
        boolean oneClick = "POST".equals(request.getMethod()) && path.startsWith("/unsubscribe/");
        boolean allowed = oneClick
                ? take("one-click:" + request.getRemoteAddr(), perAddress * 10)
                : take("address:" + request.getRemoteAddr(), perAddress)
                        & take("link:" + (token.length() > 200 ? token.substring(0, 200) : token), perLink);
        if (!allowed) {
            tooMany(request, response);
            return;
        }
        chain.doFilter(withoutSession(request), response);
    }

    private boolean take(String key, long perMinute) {
        return limits.take(key, perMinute) == 0;
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String title =
                HtmlUtils.htmlEscape(messages.getMessage("preferences.throttled.title", null, request.getLocale()));
        String body =
                HtmlUtils.htmlEscape(messages.getMessage("preferences.throttled.body", null, request.getLocale()));
        response.setStatus(429);
        response.setHeader("Retry-After", "60");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream()
                .write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                                + "<title>" + title
                                + " · Team365</title><link rel=\"stylesheet\" href=\"/css/app.css\">"
                                + "</head><body class=\"public\"><main id=\"main\" class=\"public-main\">"
                                + "<div class=\"auth-card error-page\"><p class=\"error-code\">429</p><h1>" + title
                                + "</h1><p>" + body + "</p></div></main></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The pages see no CSRF token, so rendering them never starts a session (and never sets a cookie). */
    private static HttpServletRequest withoutSession(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Object getAttribute(String name) {
                if (name.equals(CsrfToken.class.getName())
                        || name.equals(DeferredCsrfToken.class.getName())
                        || name.equals("_csrf")) {
                    return null;
                }
                return super.getAttribute(name);
            }
        };
    }

    /** A bucket untouched for a whole window is full again: forgetting it changes nothing and bounds memory. */
    @Scheduled(fixedDelay = 5, timeUnit = TimeUnit.MINUTES)
    void forgetIdleBuckets() {
        limits.forgetIdle();
    }
}
