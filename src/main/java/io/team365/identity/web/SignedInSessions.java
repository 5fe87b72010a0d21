package io.team365.identity.web;

import io.team365.identity.SignedInUser;
import io.team365.identity.internal.RoleAuthoritiesAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Replaces the signed-in person kept in the session, after a profile change or a switch of Client. */
final class SignedInSessions {

    private static final HttpSessionSecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

    private SignedInSessions() {}

    static void replace(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(RoleAuthoritiesAccess.authenticated(user));
        SecurityContextHolder.setContext(context);
        REPOSITORY.saveContext(context, request, response);
    }
}
