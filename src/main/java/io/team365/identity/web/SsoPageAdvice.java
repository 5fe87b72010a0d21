package io.team365.identity.web;

import io.team365.identity.internal.sso.SsoRegistrations;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The sign-in and sign-up pages' single sign-on buttons (only the configured providers) and SSO error messages. */
@ControllerAdvice(assignableTypes = {SignInController.class, SignUpController.class})
class SsoPageAdvice {

    /** The reasons a page can explain; anything else in the address is ignored. */
    private static final Set<String> ERRORS = Set.of(
            "failed", "unverified", "no-email", "not-member", "sso-required", "no-workspace", "provider", "required");

    private final SsoRegistrations registrations;

    SsoPageAdvice(SsoRegistrations registrations) {
        this.registrations = registrations;
    }

    @ModelAttribute("ssoButtons")
    List<ClientRegistration> buttons() {
        return registrations.platform();
    }

    @ModelAttribute("ssoError")
    String error(HttpServletRequest request) {
        String value = request.getParameter("sso");
        return value != null && ERRORS.contains(value) ? value : null;
    }
}
