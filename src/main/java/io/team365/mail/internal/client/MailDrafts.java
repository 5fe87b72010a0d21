package io.team365.mail.internal.client;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.mail.internal.mime.MailAddress;
import io.team365.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** A user's drafts ({@code mail_drafts}): only their author sees or changes them. */
@Service
@Transactional
public class MailDrafts {

    static final Set<String> MODES = Set.of("new", "reply", "reply_all", "forward");
    private static final TypeReference<List<MailAddress>> ADDRESSES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    MailDrafts(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Saves the draft: a new one when {@code draft.id()} is null, else the author's draft if it is still at the
     * version they loaded ({@link Conflict} when another tab saved in between). Returns the saved draft.
     */
    public Draft save(UUID author, Draft draft) {
        Validation check = Validation.start();
        if (draft.subject() != null && draft.subject().length() > 2000) {
            check.reject("subject", "validation.too-long", 2000);
        }
        if (draft.bodyHtml() != null && draft.bodyHtml().length() > 1_000_000) {
            check.reject("body", "validation.too-long", 1_000_000);
        }
        if (!MODES.contains(draft.mode())) {
            check.reject("mode", "mail.client.mode.unknown");
        }
        check.throwIfInvalid();
        boolean visibleAccount = jdbc.sql("""
                        select count(*) from mail_accounts a where a.id = :account and """ + MailThreads.VISIBLE)
                        .param("account", draft.accountId())
                        .param("user", author)
                        .query(Long.class)
                        .single()
                > 0;
        if (!visibleAccount) {
            throw InvalidInput.of("accountId", "mail.client.account.unknown");
        }
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (draft.id() == null) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into mail_drafts (tenant_id, id, account_id, author_id, mode, answers_id,
                                to_addresses, cc_addresses, bcc_addresses, subject, body_html, created_at, updated_at)
                            values (:tenant, :id, :account, :author, :mode, :answers,
                                cast(:to as jsonb), cast(:cc as jsonb), cast(:bcc as jsonb), :subject, :body,
                                :now, :now)
                            """)
                    .param("tenant", TenantContext.requireTenant().value())
                    .param("id", id)
                    .param("account", draft.accountId())
                    .param("author", author)
                    .param("mode", draft.mode())
                    .param("answers", draft.answersId())
                    .param("to", addresses(draft.to()))
                    .param("cc", addresses(draft.cc()))
                    .param("bcc", addresses(draft.bcc()))
                    .param("subject", draft.subject())
                    .param("body", draft.bodyHtml())
                    .param("now", now)
                    .update();
            return find(author, id).orElseThrow();
        }
        int updated = jdbc.sql("""
                        update mail_drafts set account_id = :account, to_addresses = cast(:to as jsonb),
                            cc_addresses = cast(:cc as jsonb), bcc_addresses = cast(:bcc as jsonb),
                            subject = :subject, body_html = :body, updated_at = :now, version = version + 1
                        where id = :id and author_id = :author and version = :version
                        """)
                .param("id", draft.id())
                .param("account", draft.accountId())
                .param("author", author)
                .param("version", draft.version())
                .param("to", addresses(draft.to()))
                .param("cc", addresses(draft.cc()))
                .param("bcc", addresses(draft.bcc()))
                .param("subject", draft.subject())
                .param("body", draft.bodyHtml())
                .param("now", now)
                .update();
        if (updated == 0) {
            if (find(author, draft.id()).isEmpty()) {
                throw new NotFound("draft " + draft.id());
            }
            throw new Conflict("version", "mail.client.draft.stale");
        }
        return find(author, draft.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Draft> find(UUID author, UUID id) {
        return jdbc.sql("select * from mail_drafts where id = :id and author_id = :author")
                .param("id", id)
                .param("author", author)
                .query(this::draft)
                .optional();
    }

    /** The author's drafts, latest first. */
    @Transactional(readOnly = true)
    public List<Draft> mine(UUID author, int limit) {
        return jdbc.sql("select * from mail_drafts where author_id = :author order by updated_at desc, id limit :limit")
                .param("author", author)
                .param("limit", limit)
                .query(this::draft)
                .list();
    }

    public void delete(UUID author, UUID id) {
        jdbc.sql("delete from mail_drafts where id = :id and author_id = :author")
                .param("id", id)
                .param("author", author)
                .update();
    }

    private String addresses(List<String> typed) {
        List<MailAddress> kept = typed == null
                ? List.of()
                : typed.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .limit(500)
                        .map(s -> new MailAddress(null, s.length() > 500 ? s.substring(0, 500) : s))
                        .toList();
        return json.writeValueAsString(kept);
    }

    private List<String> typed(String stored) {
        return json.readValue(stored, ADDRESSES).stream()
                .map(MailAddress::address)
                .toList();
    }

    private Draft draft(ResultSet rs, int row) throws SQLException {
        return new Draft(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("mode"),
                rs.getObject("answers_id", UUID.class),
                typed(rs.getString("to_addresses")),
                typed(rs.getString("cc_addresses")),
                typed(rs.getString("bcc_addresses")),
                rs.getString("subject"),
                rs.getString("body_html"),
                rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
