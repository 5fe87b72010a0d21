package io.team365.mail.internal.links;

import io.team365.identity.SignedInUser;
import io.team365.timeline.TimelineEntry;
import io.team365.timeline.TimelineSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails on the timelines of the records they are linked to, read from the mail tables when a timeline is shown and
 * filtered for the person looking: only messages of their own accounts and of accounts shared with the team. Nothing
 * is copied into the timeline's table, so a private account's mail leaves no trace (not even "an email was received")
 * on a timeline someone else reads, and a change of sharing or an erasure shows at once (ADR 0025).
 */
@Component
class MailTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    MailTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> entriesOf(String recordType, UUID recordId, int limit) {
        Optional<SignedInUser> viewer = MailVisibility.viewer();
        if (viewer.isEmpty() || !List.of("contact", "company", "lead", "deal").contains(recordType)) {
            return List.of();
        }
        // one entry per message even when it sits in two visible accounts (a shared mailbox and one's own)
        return jdbc.sql("""
                        select * from (
                            select distinct on (m.message_id) m.id, m.thread_id, m.received_at, m.direction,
                                   m.subject, coalesce(nullif(m.from_name, ''), m.from_address) as sender
                            from mail_links l
                            join mail_messages m on m.tenant_id = l.tenant_id and m.id = l.message_id
                            join mail_accounts a on a.tenant_id = m.tenant_id and a.id = m.account_id
                            where l.record_type = :type and l.record_id = :record and
                            """ + MailVisibility.VISIBLE_ACCOUNT + """
                            order by m.message_id, (a.owner_id = :viewer) desc, m.received_at desc
                        ) visible
                        order by received_at desc, id desc
                        limit :limit
                        """)
                .param("type", recordType)
                .param("record", recordId)
                .param("viewer", viewer.get().userId())
                .param("limit", limit)
                .query((rs, n) -> new TimelineEntry(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("received_at").toInstant(),
                        null,
                        rs.getString("sender"),
                        "inbound".equals(rs.getString("direction")) ? "mail.received" : "mail.sent",
                        rs.getString("subject"),
                        List.of(),
                        "/mail/threads/" + rs.getObject("thread_id", UUID.class)))
                .list();
    }
}
