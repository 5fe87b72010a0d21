package io.team365.activities.internal;

import io.team365.activities.Activity;
import io.team365.activities.ActivityFields;
import io.team365.activities.ActivityLink;
import io.team365.activities.ActivityPage;
import io.team365.activities.ActivityQuery;
import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.core.paging.KeysetSort;
import io.team365.core.paging.KeysetSort.Column;
import io.team365.core.paging.KeysetSort.Type;
import io.team365.core.paging.Page;
import io.team365.core.paging.TextSearch;
import io.team365.identity.RecordScope;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** The activities module's storage, as its service sees it: validation, keyset pages, agendas, and the tables. */
@Component
public class ActivityStore {

    /** Undated activities sort after every dated one; the index "my open tasks by due date" uses the same expression. */
    static final String DUE_SQL = "coalesce(due_at, timestamptz '9999-12-31 00:00:00+00')";

    static final Instant NO_DATE = Instant.parse("9999-12-31T00:00:00Z");

    static final KeysetSort<Activity> SORTS = new KeysetSort<>(
            new Column<>("updatedAt", "updated_at", Type.TIMESTAMP, Activity::updatedAt),
            true,
            new Column<>("createdAt", "created_at", Type.TIMESTAMP, Activity::createdAt),
            new Column<>("dueAt", DUE_SQL, Type.TIMESTAMP, a -> a.dueAt() == null ? NO_DATE : a.dueAt()));

    private final Activities activities;

    ActivityStore(Activities activities) {
        this.activities = activities;
    }

    public CheckedActivity check(
            ActivityFields fields, Set<UUID> members, Set<ActivityLink> linked, Predicate<ActivityLink> visible) {
        return ActivityValidation.check(fields, members, linked, visible);
    }

    public void insert(TenantId tenant, UUID id, CheckedActivity fields, boolean done, UUID by) {
        activities.insert(tenant, id, fields, done, by);
    }

    public boolean update(TenantId tenant, UUID id, CheckedActivity fields, boolean done, int version, UUID by) {
        return activities.update(tenant, id, fields, done, version, by);
    }

    /** The activity whatever the scope: for reading back what the caller just wrote. */
    public Optional<Activity> find(UUID id) {
        return activities.find(id, "true", new HashMap<>());
    }

    public Optional<Activity> findVisible(UUID id, RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        return activities.find(id, scope.sql(null, params), params);
    }

    public boolean moveToTrash(UUID id, UUID by) {
        return activities.moveToTrash(id, by);
    }

    public boolean restore(UUID id, UUID by) {
        return activities.restore(id, by);
    }

    public List<UUID> unlink(String recordType, List<UUID> recordIds) {
        return activities.unlink(recordType, recordIds);
    }

    /** A keyset page: exact however many rows are added or removed meanwhile, and fast at any depth. */
    public ActivityPage list(ActivityQuery query, RecordScope scope) {
        KeysetSort.Order<Activity> order = SORTS.parse(query.sort());
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(query.deleted() ? "deleted_at is not null" : "deleted_at is null");
        String pattern = TextSearch.containsPattern(query.q());
        if (pattern != null) {
            where.add("(subject ilike :q or coalesce(body_text, '') ilike :q)");
            params.put("q", pattern);
        }
        if (query.type() != null) {
            if (!Activity.TYPES.contains(query.type())) {
                throw InvalidInput.of("filter[type]", "activity.type");
            }
            where.add("type = :type");
            params.put("type", query.type());
        }
        if (query.done() != null) {
            where.add(query.done() ? "done" : "not done");
        }
        if (query.ownerId() != null) {
            where.add("owner_id = :owner");
            params.put("owner", query.ownerId());
        }
        if (query.recordId() != null) {
            where.add(linkedTo(query.recordType(), query.recordId(), params));
        }
        if (query.due() != null) {
            where.add(due(query.due(), query.zone(), params));
        }
        where.add(scope.sql(null, params));
        if (query.cursor() != null && !query.cursor().isBlank()) {
            where.add(order.after(query.cursor(), params));
        }
        List<Activity> rows = activities.list(String.join(" and ", where), params, order.orderBy(), query.limit() + 1);
        Page<Activity> page = KeysetSort.page(rows, query.limit(), order, Activity::id);
        return new ActivityPage(page.items(), page.nextCursor());
    }

    /** A record's activities: open ones first, then done ones, newest first in each. */
    public List<Activity> ofRecord(String recordType, UUID recordId, RecordScope scope, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where =
                "deleted_at is null and " + linkedTo(recordType, recordId, params) + " and " + scope.sql(null, params);
        return activities.list(where, params, "done, created_at desc, id desc", limit);
    }

    /** Someone's open activities due from now until the end of their day, soonest first. */
    public List<Activity> dueToday(UUID owner, ZoneId zone, RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("owner", owner);
        String where = "deleted_at is null and not done and owner_id = :owner and " + due("today", zone, params)
                + " and " + scope.sql(null, params);
        return activities.list(where, params, DUE_SQL + ", id", 200);
    }

    /** How many of someone's open activities are past their due time. */
    public long overdueCount(UUID owner, RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("owner", owner);
        return activities.count(
                "deleted_at is null and owner_id = :owner and " + due("overdue", ZoneId.of("UTC"), params) + " and "
                        + scope.sql(null, params),
                params);
    }

    private static String linkedTo(String recordType, UUID recordId, Map<String, Object> params) {
        params.put("linkType", recordType);
        params.put("linkId", recordId);
        return "exists (select 1 from activity_links l where l.activity_id = activities.id"
                + " and l.record_type = :linkType and l.record_id = :linkId)";
    }

    /** Overdue: open and due before now. Today: due from now to midnight in {@code zone}. Upcoming: after that. */
    private static String due(String due, ZoneId zone, Map<String, Object> params) {
        Instant now = Instant.now();
        Instant tomorrow = LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant();
        params.put("dueNow", Timestamp.from(now));
        params.put("dueTomorrow", Timestamp.from(tomorrow));
        return switch (due) {
            case "overdue" -> "(not done and due_at < :dueNow)";
            case "today" -> "(due_at >= :dueNow and due_at < :dueTomorrow)";
            case "upcoming" -> "(due_at >= :dueTomorrow)";
            default -> throw InvalidInput.of("filter[due]", "activity.due-filter");
        };
    }
}
