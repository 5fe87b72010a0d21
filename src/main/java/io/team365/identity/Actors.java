package io.team365.identity;

import io.team365.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;

/** The audit trail's view of who sent a request. */
public final class Actors {

    private Actors() {}

    /**
     * The person behind the current request, for services that audit a read without being handed the request
     * (list reads); outside a request, the signed-in user without address, or the system.
     */
    public static AuditTrail.Actor current() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return SignedInUser.current()
                .map(user -> new AuditTrail.Actor(user.userId(), user.email(), null, null))
                .orElseGet(AuditTrail.Actor::system);
    }

    public static AuditTrail.Actor of(HttpServletRequest request) {
        String userAgent = request.getHeader("User-Agent");
        return SignedInUser.current()
                .map(user -> new AuditTrail.Actor(user.userId(), user.email(), request.getRemoteAddr(), userAgent))
                .orElseGet(() -> new AuditTrail.Actor(null, null, request.getRemoteAddr(), userAgent));
    }
}
