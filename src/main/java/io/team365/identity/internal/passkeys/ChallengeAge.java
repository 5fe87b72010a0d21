package io.team365.identity.internal.passkeys;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring keeps a sign-in challenge in the session until it is used, however old; the options tell the browser it has
 * five minutes. This stamps when the options were handed out and lets the sign-in find them only within that time,
 * by the application's clock. (Registration options carry their own time: {@link SessionCreationOptions}.)
 */
@Component
public class ChallengeAge {

    static final Duration VALID_FOR = Duration.ofMinutes(5);
    private static final String ISSUED_AT = ChallengeAge.class.getName() + ".ISSUED_AT";

    private final Clock clock;
    private final HttpSessionPublicKeyCredentialRequestOptionsRepository sessionOptions =
            new HttpSessionPublicKeyCredentialRequestOptionsRepository();

    ChallengeAge(Clock clock) {
        this.clock = clock;
    }

    /** Runs before Spring's {@code POST /webauthn/authenticate/options}; not a bean, so only in the chain. */
    public Filter stampIssuedOptions() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("POST".equals(request.getMethod())
                        && "/webauthn/authenticate/options".equals(request.getServletPath())) {
                    request.getSession().setAttribute(ISSUED_AT, clock.instant());
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** What the sign-in filter reads: the session's options, or none once they are older than five minutes. */
    public PublicKeyCredentialRequestOptionsRepository requestOptions() {
        return new PublicKeyCredentialRequestOptionsRepository() {
            @Override
            public void save(
                    HttpServletRequest request,
                    HttpServletResponse response,
                    PublicKeyCredentialRequestOptions options) {
                sessionOptions.save(request, response, options);
                if (options == null && request.getSession(false) != null) {
                    request.getSession(false).removeAttribute(ISSUED_AT);
                }
            }

            @Override
            public PublicKeyCredentialRequestOptions load(HttpServletRequest request) {
                HttpSession session = request.getSession(false);
                if (session == null
                        || !(session.getAttribute(ISSUED_AT) instanceof Instant issued)
                        || clock.instant().isAfter(issued.plus(VALID_FOR))) {
                    return null;
                }
                return sessionOptions.load(request);
            }
        };
    }

    boolean expired(Instant issued) {
        return clock.instant().isAfter(issued.plus(VALID_FOR));
    }
}
