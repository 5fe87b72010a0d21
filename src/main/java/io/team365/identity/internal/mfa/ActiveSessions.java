package io.team365.identity.internal.mfa;

import io.team365.audit.AuditTrail;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.SignInCompletion;
import io.team365.identity.internal.SignInMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A person's signed-in browser sessions, found by Spring Session's principal index (the user id), and ending them
 * on every server node. A pending sign-in (second factor still owed) has no principal, so is not listed.
 *
 * <p>The page never sees a session id (with JDBC sessions it is the cookie's value, so one leaked through the page,
 * a screenshot or a proxy log would be a signed-in session): each session is shown, and ended, by its
 * {@linkplain #handle handle}, a one-way digest that is looked up again among the person's own sessions only.
 */
@Service
public class ActiveSessions {

    /**
     * One line of the list, named by its handle; {@code device} and {@code method} are null for sessions from before
     * issue 7.
     */
    public record Entry(
            String handle,
            String device,
            SignInMethod method,
            Instant signedInAt,
            Instant lastActive,
            boolean current) {}

    /** Unpadded base64url of SHA-256: 43 characters. */
    private static final int HANDLE_LENGTH = 43;

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

    /** What ending one session did. */
    public enum Ended {
        /** The handle names none of the person's sessions: nothing changed. */
        NONE,
        /** Another of the person's sessions ended. */
        OTHER,
        /** The session making the request ended: it is signed out. */
        THIS
    }

    /** Ends one of the person's own sessions, named by its handle; nothing when the handle is not one of theirs. */
    public Ended end(SignedInUser user, String handle, String currentSessionId, AuditTrail.Actor actor) {
        Optional<String> sessionId = resolve(user, handle);
        if (sessionId.isEmpty()) {
            return Ended.NONE;
        }
        sessions.deleteById(sessionId.get());
        audit.record(
                user.tenant(), actor, "session.ended", "user", user.userId().toString(), Map.of("scope", "one"));
        return sessionId.get().equals(currentSessionId) ? Ended.THIS : Ended.OTHER;
    }

    /** The id of the person's own session with this handle, if there is one. */
    private Optional<String> resolve(SignedInUser user, String handle) {
        if (handle == null || handle.length() != HANDLE_LENGTH) {
            return Optional.empty();
        }
        byte[] wanted = handle.getBytes(StandardCharsets.US_ASCII);
        return sessions.findByPrincipalName(user.getName()).keySet().stream()
                .filter(id -> MessageDigest.isEqual(handle(id).getBytes(StandardCharsets.US_ASCII), wanted))
                .findFirst();
    }

    /**
     * The name a session goes by on the page: base64url (unpadded) of the SHA-256 of its id. One-way, so the page
     * (and anything that copies it) holds nothing that would open the session; stable, so the form can name it.
     */
    static String handle(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("team365-session\n" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
                handle(session.getId()),
                device == null ? null : device.device(),
                device == null ? null : device.method(),
                device == null ? session.getCreationTime() : device.signedInAt(),
                session.getLastAccessedTime(),
                session.getId().equals(currentSessionId));
    }
}
