package io.team365.identity.internal;

import io.team365.identity.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The authentication that stands for a signed-in person, with the authorities of their role. */
public final class RoleAuthoritiesAccess {

    private RoleAuthoritiesAccess() {}

    public static Authentication authenticated(SignedInUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, RoleAuthorities.of(user.role()));
    }
}
