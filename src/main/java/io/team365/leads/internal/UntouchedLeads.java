package io.team365.leads.internal;

import io.team365.core.RecordsAnonymised;
import io.team365.core.TenantId;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.retention.RetentionPolicy;
import io.team365.core.retention.RetentionTarget;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leads nobody has touched for long (24 months by default) are anonymised: every personal value the registry lists
 * for {@code leads} is cleared, the row stays with its status, owner and dates so counts and reports still add up.
 * Leads in the trash are the trash's business; an anonymised lead is not counted again. Its timeline and attached
 * files go too ({@link RecordsAnonymised}): they hold the values that were removed.
 */
@Component
class UntouchedLeads implements RetentionTarget {

    private static final RetentionPolicy POLICY = new RetentionPolicy(
            "leads.untouched",
            PersonalField.Category.CONTACT,
            "anonymise",
            Period.ofMonths(24),
            Period.ofMonths(6),
            Period.ofYears(10),
            true);

    @Override
    public RetentionPolicy policy() {
        return POLICY;
    }

    // a lead whose processing is restricted (a data-subject request) is kept as it is: storage is all that may happen
    private static final String UNTOUCHED = "deleted_at is null and anonymised_at is null and updated_at < :cutoff"
            + " and not exists (select 1 from processing_restrictions r where r.tenant_id = leads.tenant_id"
            + " and r.record_type = 'lead' and r.record_id = leads.id)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UntouchedLeads(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public long count(TenantId tenant, Instant cutoff) {
        return jdbc.sql("select count(*) from leads where " + UNTOUCHED)
                .param("cutoff", Timestamp.from(cutoff))
                .query(Long.class)
                .single();
    }

    @Override
    public long apply(TenantId tenant, Instant cutoff) {
        List<UUID> ids = jdbc.sql("""
                        update leads set first_name = null, last_name = null, emails = '[]', phones = '[]',
                            job_title = null, company_name = null, source = null, tags = '{}',
                            unqualified_reason = null, custom_fields = '{}', anonymised_at = :now,
                            version = version + 1
                        where\s""" + UNTOUCHED + " returning id")
                .param("cutoff", Timestamp.from(cutoff))
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .list();
        if (!ids.isEmpty()) {
            events.publishEvent(new RecordsAnonymised(tenant, LeadRecords.TABLE.recordType(), ids));
        }
        return ids.size();
    }
}
