package io.team365.privacy.internal;

import io.team365.core.PublicUrls;
import io.team365.core.TenantId;
import io.team365.identity.Member;
import io.team365.identity.UserDirectory;
import io.team365.notifications.OutboundEmail;
import io.team365.notifications.Outbox;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.DatabaseLookups;
import io.team365.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails the people a material change affects: every user for Team365's policy, a Client's members for its notice.
 * Work goes Client by Client in batches of {@value #BATCH}, each batch its own transaction; a row in
 * {@code policy_mailings} / {@code notice_mailings} per person and version, written with the mail, makes it once per
 * person however often the job runs or how many Clients the person is in. A version is marked done when a full pass
 * finds nobody left.
 */
@Component
public class PolicyMailJob {

    static final int BATCH = 100;
    static final String WORKER = "policy-mail";

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final TransactionTemplate platform;
    private final ClientManagement clients;
    private final UserDirectory directory;
    private final Outbox outbox;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final Clock clock;

    PolicyMailJob(
            JdbcClient jdbc,
            TenantTransactions transactions,
            PlatformTransactionManager transactionManager,
            ClientManagement clients,
            UserDirectory directory,
            Outbox outbox,
            MessageSource messages,
            PublicUrls urls,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.platform = new TransactionTemplate(transactionManager);
        this.clients = clients;
        this.directory = directory;
        this.outbox = outbox;
        this.messages = messages;
        this.urls = urls;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${team365.policies.mail-interval:60s}",
            fixedDelayString = "${team365.policies.mail-interval:60s}")
    void scheduled() {
        mailDue();
    }

    /** One pass over every version still being mailed; returns how many mails it queued. */
    public synchronized int mailDue() {
        int queued = 0;
        List<TenantId> tenants = clients.allIds();
        for (var version : platform.execute(
                status -> jdbc.sql("select version, effective_on, material, summary, body, registered_at as at"
                                + " from privacy_policy_versions where material and mailing_done_at is null")
                        .query(NoticeVersions::version)
                        .list())) {
            for (TenantId tenant : tenants) {
                int sent;
                do {
                    sent = transactions.call(tenant, null, () -> policyBatch(tenant, version));
                    queued += sent;
                } while (sent == BATCH);
            }
            platform.executeWithoutResult(status -> jdbc.sql(
                            "update privacy_policy_versions set mailing_done_at = :now where version = :version")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("version", version.version())
                    .update());
        }
        for (TenantId tenant : tenants) {
            for (var version : transactions.call(
                    tenant,
                    null,
                    () -> jdbc.sql("select version, effective_on, material, summary, body, published_at as at"
                                    + " from privacy_notice_versions"
                                    + " where tenant_id = :tenant and material and mailing_done_at is null")
                            .param("tenant", tenant.value())
                            .query(NoticeVersions::version)
                            .list())) {
                int sent;
                do {
                    sent = transactions.call(tenant, null, () -> noticeBatch(tenant, version));
                    queued += sent;
                } while (sent == BATCH);
                transactions.run(
                        tenant,
                        null,
                        () -> jdbc.sql("update privacy_notice_versions set mailing_done_at = :now"
                                        + " where tenant_id = :tenant and version = :version")
                                .param("now", Timestamp.from(clock.instant()))
                                .param("tenant", tenant.value())
                                .param("version", version.version())
                                .update());
            }
        }
        return queued;
    }

    private int policyBatch(TenantId tenant, io.team365.privacy.NoticeVersion version) {
        DatabaseLookups.asWorker(jdbc, WORKER);
        List<Member> affected = affected(tenant, version.publishedAt());
        Set<UUID> done = new HashSet<>(
                jdbc.sql("select user_id from policy_mailings where version = :version" + " and user_id = any(:users)")
                        .param("version", version.version())
                        .param("users", affected.stream().map(Member::userId).toArray(UUID[]::new))
                        .query(UUID.class)
                        .list());
        int sent = 0;
        for (Member member : affected) {
            if (sent == BATCH || done.contains(member.userId())) {
                continue;
            }
            int inserted = jdbc.sql("insert into policy_mailings (version, user_id, queued_at) values (:version, :user,"
                            + " :now) on conflict do nothing")
                    .param("version", version.version())
                    .param("user", member.userId())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 1) {
                outbox.enqueue(
                        tenant,
                        mail(
                                member,
                                "policy-change",
                                text("policies.mail.policy.subject", version.effectiveOn()),
                                text(
                                        "policies.mail.policy.body",
                                        member.name(),
                                        version.effectiveOn(),
                                        version.version(),
                                        version.summary(),
                                        urls.link("/legal/privacy"))));
                sent++;
            }
        }
        return sent;
    }

    private int noticeBatch(TenantId tenant, io.team365.privacy.NoticeVersion version) {
        List<Member> affected = affected(tenant, version.publishedAt());
        Set<UUID> done = new HashSet<>(
                jdbc.sql("select user_id from notice_mailings where tenant_id = :tenant" + " and version = :version")
                        .param("tenant", tenant.value())
                        .param("version", version.version())
                        .query(UUID.class)
                        .list());
        String clientName = clients.find(tenant).map(Client::name).orElse("");
        int sent = 0;
        for (Member member : affected) {
            if (sent == BATCH || done.contains(member.userId())) {
                continue;
            }
            int inserted = jdbc.sql("insert into notice_mailings (tenant_id, version, user_id, queued_at)"
                            + " values (:tenant, :version, :user, :now) on conflict do nothing")
                    .param("tenant", tenant.value())
                    .param("version", version.version())
                    .param("user", member.userId())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 0) {
                continue;
            }
            outbox.enqueue(
                    tenant,
                    mail(
                            member,
                            "notice-change",
                            text("policies.mail.notice.subject", clientName, version.effectiveOn()),
                            text(
                                    "policies.mail.notice.body",
                                    member.name(),
                                    clientName,
                                    version.effectiveOn(),
                                    version.version(),
                                    version.summary(),
                                    urls.link("/legal/notices/" + tenant))));
            sent++;
        }
        return sent;
    }

    /** The members who were there when the version was published. */
    private List<Member> affected(TenantId tenant, Instant publishedAt) {
        return directory.membersOf(tenant).stream()
                .filter(member -> member.joinedAt().isBefore(publishedAt))
                .toList();
    }

    private static OutboundEmail mail(Member member, String kind, String subject, String body) {
        return new OutboundEmail(kind, member.email(), subject, body, null);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
