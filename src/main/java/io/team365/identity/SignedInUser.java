package io.team365.identity;

import io.team365.core.TenantId;
import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request, in the Client they are working in, with their role there. */
public record SignedInUser(UUID userId, String email, String name, TenantId tenant, Role role)
        implements Serializable, AuthenticatedPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    public static Optional<SignedInUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static SignedInUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    public SignedInUser withRole(Role newRole) {
        return new SignedInUser(userId, email, name, tenant, newRole);
    }

    public SignedInUser withName(String newName) {
        return new SignedInUser(userId, email, newName, tenant, role);
    }

    public SignedInUser inTenant(TenantId newTenant, Role newRole) {
        return new SignedInUser(userId, email, name, newTenant, newRole);
    }

    /** The session index key: Spring Session finds a person's sessions by this. */
    @Override
    public String getName() {
        return userId.toString();
    }

    @Override
    public String toString() {
        return userId.toString();
    }
}
