package io.team365.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Sends a failed sign-in back to the form with a reason the page can explain. */
@Component
public class SignInFailureHandler implements AuthenticationFailureHandler {

    public static final String LAST_USERNAME = SignInFailureHandler.class.getName() + ".username";

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String username = request.getParameter("username");
        if (username != null && username.length() <= 254) {
            // shown again in the form, so a typo in the password does not mean typing the address again
            request.getSession().setAttribute(LAST_USERNAME, username.strip());
        }
        String target;
        if (failure instanceof PasswordAuthenticationProvider.ThrottledException throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.minutes() * 60));
            target = "/login?error=throttled&minutes=" + throttled.minutes();
        } else if (failure instanceof PasswordAuthenticationProvider.NoWorkspaceException) {
            target = "/login?error=no-workspace";
        } else if (failure instanceof io.team365.identity.internal.sso.SsoPolicy.SsoRequiredException) {
            target = "/login?sso=required";
        } else if (failure instanceof DisabledException) {
            target = "/login?error=unverified";
        } else {
            target = "/login?error=credentials";
        }
        response.sendRedirect(request.getContextPath() + target);
    }
}
