package io.team365.identity.internal.mfa;

import io.team365.audit.AuditTrail;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.SignInCompletion;
import io.team365.identity.internal.SignInMethod;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A person's signed-in browser sessions, found by Spring Session's principal index (the user id), and ending them
 * on every server node. A pending sign-in (second factor still owed) has no principal, so is not listed.
 */
@Service
public class ActiveSessions {

    /** One line of the list; {@code device} and {@code method} are null for sessions from before issue 7. */
    public record Entry(
            String id, String device, SignInMethod method, Instant signedInAt, Instant lastActive, boolean current) {}

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditTrail audit;

    ActiveSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AuditTrail audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    public List<Entry> of(SignedInUser user, String currentSessionId) {
        return sessions.findByPrincipalName(user.getName()).values().stream()
                .filter(session -> !session.isExpired())
                .map(session -> entry(session, currentSessionId))
                .sorted(Comparator.comparing(Entry::current)
                        .reversed()
                        .thenComparing(Entry::lastActive, Comparator.reverseOrder()))
                .toList();
    }

    /** Ends one of the person's own sessions; false when the id is not one of theirs. */
    public boolean end(SignedInUser user, String sessionId, AuditTrail.Actor actor) {
        if (sessionId == null || !sessions.findByPrincipalName(user.getName()).containsKey(sessionId)) {
            return false;
        }
        sessions.deleteById(sessionId);
        audit.record(
                user.tenant(), actor, "session.ended", "user", user.userId().toString(), Map.of("scope", "one"));
        return true;
    }

    /** Ends every session of the person but this one; returns how many. */
    public int endOthers(SignedInUser user, String currentSessionId, AuditTrail.Actor actor) {
        List<String> others = sessions.findByPrincipalName(user.getName()).keySet().stream()
                .filter(id -> !id.equals(currentSessionId))
                .toList();
        others.forEach(sessions::deleteById);
        audit.record(
                user.tenant(),
                actor,
                "session.ended",
                "user",
                user.userId().toString(),
                Map.of("scope", "others", "count", others.size()));
        return others.size();
    }

    private static Entry entry(Session session, String currentSessionId) {
        Object attribute = session.getAttribute(SignInCompletion.DEVICE);
        SignInCompletion.SessionDevice device = attribute instanceof SignInCompletion.SessionDevice d ? d : null;
        return new Entry(
                session.getId(),
                device == null ? null : device.device(),
                device == null ? null : device.method(),
                device == null ? session.getCreationTime() : device.signedInAt(),
                session.getLastAccessedTime(),
                session.getId().equals(currentSessionId));
    }
}
