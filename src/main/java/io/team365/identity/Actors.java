package io.team365.identity;

import io.team365.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;

/** The audit trail's view of who sent a request. */
public final class Actors {

    private Actors() {}

    public static AuditTrail.Actor of(HttpServletRequest request) {
        String userAgent = request.getHeader("User-Agent");
        return SignedInUser.current()
                .map(user -> new AuditTrail.Actor(user.userId(), user.email(), request.getRemoteAddr(), userAgent))
                .orElseGet(() -> new AuditTrail.Actor(null, null, request.getRemoteAddr(), userAgent));
    }
}
