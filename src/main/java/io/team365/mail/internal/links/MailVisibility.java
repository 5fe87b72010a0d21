package io.team365.mail.internal.links;

import io.team365.identity.SignedInUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see a message: the account's owner, and every member when the account is shared with the team. Team365
 * operators never, whatever Client grant they hold (they read only messages a user approved, through the operator
 * console's own path). Decided when the mail is read, never when it is stored.
 */
@Component
public class MailVisibility {

    /** The SQL condition on an account aliased {@code a}; binds {@code :viewer}. */
    public static final String VISIBLE_ACCOUNT = "(a.owner_id = :viewer or a.sharing = 'team')";

    /** A message the caller may see, with what the links' pages need of it. */
    public record VisibleMessage(
            UUID id, UUID threadId, UUID accountId, UUID ownerId, String fromAddress, String fromName) {}

    private final JdbcClient jdbc;

    MailVisibility(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member looking, or empty for nobody, a background job or an operator standing in a Client. */
    public static Optional<SignedInUser> viewer() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_OPERATOR".equals(a.getAuthority()))) {
            return Optional.empty();
        }
        return SignedInUser.current();
    }

    /** The message, if it exists in the current Client and the caller may see it. */
    public Optional<VisibleMessage> find(UUID messageId) {
        Optional<SignedInUser> viewer = viewer();
        if (viewer.isEmpty() || messageId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select m.id, m.thread_id, m.account_id, a.owner_id, m.from_address, m.from_name
                        from mail_messages m join mail_accounts a on a.tenant_id = m.tenant_id and a.id = m.account_id
                        where m.id = :id and
                        """ + VISIBLE_ACCOUNT)
                .param("id", messageId)
                .param("viewer", viewer.get().userId())
                .query((rs, n) -> new VisibleMessage(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6)))
                .optional();
    }
}
