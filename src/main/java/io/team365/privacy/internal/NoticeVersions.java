package io.team365.privacy.internal;

import io.team365.core.TenantId;
import io.team365.privacy.NoticeVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versions of Team365's policy ({@code privacy_policy_versions}, one platform table) and of each Client's notice
 * ({@code privacy_notice_versions}, under the Client's row-level security), and who accepted which.
 */
@Repository
public class NoticeVersions {

    private static final String POLICY =
            "select version, effective_on, material, summary, body, registered_at as at from privacy_policy_versions";
    private static final String NOTICE =
            "select version, effective_on, material, summary, body, published_at as at from privacy_notice_versions";

    private final JdbcClient jdbc;

    /** Increases whenever a version is registered, published or accepted here: cached answers older than it are stale. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    NoticeVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long generation() {
        return generation.get();
    }

    /** Now, and again once the change is committed, so no answer read before the commit outlives it. */
    private void changed() {
        generation.incrementAndGet();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            generation.incrementAndGet();
                        }
                    });
        }
    }

    /** Registers a shipped version once; a version already registered is left as it is. */
    boolean registerPolicy(NoticeVersion v) {
        changed();
        return jdbc.sql("""
                        insert into privacy_policy_versions (version, effective_on, material, summary, body, registered_at)
                        values (:version, :effective, :material, :summary, :body, :at)
                        on conflict (version) do nothing
                        """)
                        .param("version", v.version())
                        .param("effective", v.effectiveOn())
                        .param("material", v.material())
                        .param("summary", v.summary())
                        .param("body", v.body())
                        .param("at", java.sql.Timestamp.from(v.publishedAt()))
                        .update()
                == 1;
    }

    /** Newest first: by effective date, then by when it was published. */
    public List<NoticeVersion> policyHistory() {
        return jdbc.sql(POLICY + " order by effective_on desc, registered_at desc")
                .query(NoticeVersions::version)
                .list();
    }

    /** The version in effect on {@code day}: the newest whose effective date has come. */
    public Optional<NoticeVersion> policyInEffect(LocalDate day) {
        return jdbc.sql(POLICY + " where effective_on <= :day order by effective_on desc, registered_at desc limit 1")
                .param("day", day)
                .query(NoticeVersions::version)
                .optional();
    }

    public List<NoticeVersion> noticeHistory(TenantId tenant) {
        return jdbc.sql(NOTICE + " where tenant_id = :tenant order by effective_on desc, published_at desc")
                .param("tenant", tenant.value())
                .query(NoticeVersions::version)
                .list();
    }

    public Optional<NoticeVersion> noticeInEffect(TenantId tenant, LocalDate day) {
        return jdbc.sql(NOTICE + " where tenant_id = :tenant and effective_on <= :day"
                        + " order by effective_on desc, published_at desc limit 1")
                .param("tenant", tenant.value())
                .param("day", day)
                .query(NoticeVersions::version)
                .optional();
    }

    /** The next label, {@code v1}, {@code v2} …; the Client's versions are locked until commit so labels never clash. */
    String nextNoticeLabel(TenantId tenant) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('privacy-notice:' || :tenant))")
                .param("tenant", tenant.toString())
                .query(Object.class)
                .single();
        int count = jdbc.sql("select count(*) from privacy_notice_versions where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(Integer.class)
                .single();
        return "v" + (count + 1);
    }

    void insertNotice(TenantId tenant, NoticeVersion v, UUID publishedBy) {
        changed();
        jdbc.sql("""
                        insert into privacy_notice_versions
                            (tenant_id, version, effective_on, material, summary, body, published_by, published_at)
                        values (:tenant, :version, :effective, :material, :summary, :body, :by, :at)
                        """)
                .param("tenant", tenant.value())
                .param("version", v.version())
                .param("effective", v.effectiveOn())
                .param("material", v.material())
                .param("summary", v.summary())
                .param("body", v.body())
                .param("by", publishedBy)
                .param("at", java.sql.Timestamp.from(v.publishedAt()))
                .update();
    }

    /** The newest material version in effect on {@code day}: the one people must have accepted (or a later one). */
    Optional<NoticeVersion> requiredPolicy(LocalDate day) {
        return jdbc.sql(POLICY + " where material and effective_on <= :day"
                        + " order by effective_on desc, registered_at desc limit 1")
                .param("day", day)
                .query(NoticeVersions::version)
                .optional();
    }

    Optional<NoticeVersion> requiredNotice(TenantId tenant, LocalDate day) {
        return jdbc.sql(NOTICE + " where tenant_id = :tenant and material and effective_on <= :day"
                        + " order by effective_on desc, published_at desc limit 1")
                .param("tenant", tenant.value())
                .param("day", day)
                .query(NoticeVersions::version)
                .optional();
    }

    /** Whether the person accepted {@code required} or a version that took effect after it. */
    boolean acceptedPolicy(UUID userId, NoticeVersion required) {
        return jdbc.sql("""
                        select exists (select 1 from policy_acceptances a
                            join privacy_policy_versions v on v.version = a.version
                            where a.user_id = :user and (v.version = :version or v.effective_on >= :effective))
                        """)
                .param("user", userId)
                .param("version", required.version())
                .param("effective", required.effectiveOn())
                .query(Boolean.class)
                .single();
    }

    boolean acceptedNotice(TenantId tenant, UUID userId, NoticeVersion required) {
        return jdbc.sql("""
                        select exists (select 1 from notice_acceptances a
                            join privacy_notice_versions v on v.tenant_id = a.tenant_id and v.version = a.version
                            where a.tenant_id = :tenant and a.user_id = :user
                              and (v.version = :version or v.effective_on >= :effective))
                        """)
                .param("tenant", tenant.value())
                .param("user", userId)
                .param("version", required.version())
                .param("effective", required.effectiveOn())
                .query(Boolean.class)
                .single();
    }

    void acceptPolicy(UUID userId, String version, Instant at, String ipHash) {
        changed();
        jdbc.sql("""
                        insert into policy_acceptances (user_id, version, accepted_at, ip_hash)
                        values (:user, :version, :at, :ip) on conflict do nothing
                        """)
                .param("user", userId)
                .param("version", version)
                .param("at", java.sql.Timestamp.from(at))
                .param("ip", ipHash)
                .update();
    }

    void acceptNotice(TenantId tenant, UUID userId, String version, Instant at, String ipHash) {
        changed();
        jdbc.sql("""
                        insert into notice_acceptances (tenant_id, user_id, version, accepted_at, ip_hash)
                        values (:tenant, :user, :version, :at, :ip) on conflict do nothing
                        """)
                .param("tenant", tenant.value())
                .param("user", userId)
                .param("version", version)
                .param("at", java.sql.Timestamp.from(at))
                .param("ip", ipHash)
                .update();
    }

    static NoticeVersion version(ResultSet rs, int row) throws SQLException {
        return new NoticeVersion(
                rs.getString("version"),
                rs.getObject("effective_on", LocalDate.class),
                rs.getBoolean("material"),
                rs.getString("summary"),
                rs.getString("body"),
                rs.getTimestamp("at").toInstant());
    }
}
