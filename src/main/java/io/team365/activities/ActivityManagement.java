package io.team365.activities;

import io.team365.activities.internal.ActivityStore;
import io.team365.activities.internal.CheckedActivity;
import io.team365.activities.internal.NoteHtml;
import io.team365.audit.AuditTrail;
import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.RecordLinks;
import io.team365.core.paging.KeysetSort;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, reading, changing, completing, trashing and restoring activities. Who sees an activity follows the
 * Client's record scope with the assignee as owner; a record's activities are shown only to those who may see the
 * record. Every change is checked against the version the caller saw, audited, and put on the timelines.
 */
@Service
public class ActivityManagement {

    private final ActivityStore store;
    private final TeamManagement team;
    private final AuditTrail audit;
    private final RecordLinks records;
    private final ActivityEvents events;

    ActivityManagement(
            ActivityStore store, TeamManagement team, AuditTrail audit, RecordLinks records, ActivityEvents events) {
        this.store = store;
        this.team = team;
        this.audit = audit;
        this.records = records;
        this.events = events;
    }

    /** A new activity is assigned to whoever creates it unless they name another member; it starts open. */
    @Transactional
    public Activity create(ActivityFields fields, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        ActivityFields owned = fields.ownerId() != null ? fields : fields.withOwner(user.userId());
        CheckedActivity checked = check(owned, Set.of());
        UUID id = Ids.newId();
        store.insert(user.tenant(), id, checked, Boolean.TRUE.equals(fields.done()), user.userId());
        audit.record(user.tenant(), actor, "activity.created", "activity", id.toString(), Map.of());
        Activity created = store.find(id).orElseThrow();
        events.created(user, created);
        return created;
    }

    /**
     * Checks fields without writing anything, so a form can show the service's objections together with its own
     * (a time it could not read). Links are not looked up: nothing is linked by this.
     */
    public void validate(ActivityFields fields) {
        SignedInUser user = SignedInUser.require();
        ActivityFields owned = fields.ownerId() != null ? fields : fields.withOwner(user.userId());
        store.check(owned, team.memberIds(), Set.copyOf(owned.links()), link -> true);
    }

    /** An activity as a person looks at it (trash included); the look is audited. */
    @Transactional
    public Activity view(UUID id, AuditTrail.Actor actor) {
        Activity activity = store.findVisible(id, team.recordScope()).orElseThrow(() -> new NotFound("activity"));
        audit.record(SignedInUser.require().tenant(), actor, "activity.viewed", "activity", id.toString(), Map.of());
        return activity;
    }

    /**
     * Applies a change. {@code expectedVersion} is the version the caller saw (null: whatever is stored now); a
     * stale one is refused with the current version, and nothing is written.
     */
    @Transactional
    public Activity update(
            UUID id, Integer expectedVersion, UnaryOperator<ActivityFields> change, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Activity current = current(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailed(current.version());
        }
        ActivityFields changed = retyped(current, change.apply(ActivityFields.of(current)));
        CheckedActivity checked = check(changed, new HashSet<>(current.links()));
        boolean done = changed.done() == null ? current.done() : changed.done();
        return write(user, current, checked, done, "updated", actor);
    }

    /** Marks an activity done; completing a done one changes nothing. */
    @Transactional
    public Activity complete(UUID id, AuditTrail.Actor actor) {
        return setDone(id, true, actor);
    }

    /** Opens a done activity again; reopening an open one changes nothing. */
    @Transactional
    public Activity reopen(UUID id, AuditTrail.Actor actor) {
        return setDone(id, false, actor);
    }

    @Transactional
    public void trash(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        if (store.findVisible(id, team.recordScope()).isEmpty() || !store.moveToTrash(id, user.userId())) {
            throw new NotFound("activity");
        }
        audit.record(user.tenant(), actor, "activity.trashed", "activity", id.toString(), Map.of());
        events.changed(user, store.find(id).orElseThrow(), "trashed", List.of());
    }

    @Transactional
    public Activity restore(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        if (store.findVisible(id, team.recordScope()).isEmpty() || !store.restore(id, user.userId())) {
            throw new NotFound("activity in the trash");
        }
        audit.record(user.tenant(), actor, "activity.restored", "activity", id.toString(), Map.of());
        Activity restored = store.find(id).orElseThrow();
        events.changed(user, restored, "restored", List.of());
        return restored;
    }

    public ActivityPage list(ActivityQuery query) {
        KeysetSort.checkedLimit(query.limit());
        if (query.recordId() != null || query.recordType() != null) {
            records.require(query.recordType(), query.recordId());
        }
        ActivityPage page = store.list(query, team.recordScope());
        // one audit entry per list read: the record type and how many (and whose record, by id), never values
        audit.record(
                SignedInUser.require().tenant(),
                Actors.current(),
                "activity.listed",
                query.recordType() == null ? "activity" : query.recordType(),
                query.recordId() == null ? null : query.recordId().toString(),
                Map.of("count", page.activities().size(), "recordType", "activity"));
        return page;
    }

    /**
     * The activities of a record the caller may see, open ones first, then done ones, newest first.
     *
     * @throws NotFound when the record does not exist or the caller may not see it
     */
    public List<Activity> ofRecord(String recordType, UUID recordId) {
        records.require(recordType, recordId);
        return store.ofRecord(recordType, recordId, team.recordScope(), 200);
    }

    /** The signed-in person's open activities due from now to the end of their day in {@code zone}. */
    public List<Activity> dueToday(ZoneId zone) {
        return store.dueToday(SignedInUser.require().userId(), zone, team.recordScope());
    }

    /** As {@link #dueToday(ZoneId)} with the day in UTC, for callers that do not know the person's time zone. */
    public List<Activity> dueToday() {
        return dueToday(ZoneOffset.UTC);
    }

    /** How many of the signed-in person's open activities are past their due time. */
    public long overdueCount() {
        return store.overdueCount(SignedInUser.require().userId(), team.recordScope());
    }

    private Activity setDone(UUID id, boolean done, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Activity current = current(id);
        if (current.done() == done) {
            return current;
        }
        // the fields as stored: nothing to re-check, so an assignee who left the team does not block ticking it off
        CheckedActivity same = new CheckedActivity(
                current.type(),
                current.subject(),
                current.body(),
                current.bodyText(),
                current.dueAt(),
                current.endAt(),
                current.ownerId(),
                current.links());
        return write(user, current, same, done, done ? "completed" : "reopened", actor);
    }

    private Activity write(
            SignedInUser user,
            Activity current,
            CheckedActivity checked,
            boolean done,
            String kind,
            AuditTrail.Actor actor) {
        UUID id = current.id();
        if (!store.update(user.tenant(), id, checked, done, current.version(), user.userId())) {
            throw new PreconditionFailed(store.find(id).map(Activity::version).orElse(current.version()));
        }
        audit.record(user.tenant(), actor, "activity." + kind, "activity", id.toString(), Map.of());
        Activity updated = store.find(id).orElseThrow();
        events.changed(user, updated, kind, ActivityEvents.history(current, updated));
        if (done && !current.done()) {
            events.completedOnRecords(user, updated);
        }
        return updated;
    }

    /**
     * A change of type carries the body over: a note's HTML becomes its plain text, plain text becomes a note's
     * paragraphs; an end time goes when the activity stops being a meeting. Whatever the change sets itself wins.
     */
    private static ActivityFields retyped(Activity current, ActivityFields changed) {
        if (changed.type() == null || changed.type().equals(current.type())) {
            return changed;
        }
        String body = changed.body();
        if (Objects.equals(body, current.body()) && body != null) {
            boolean toNote = Activity.NOTE.equals(changed.type());
            if (toNote != current.isNote()) {
                body = toNote ? NoteHtml.fromPlainText(current.bodyText()) : current.bodyText();
            }
        }
        Instant endAt = Activity.MEETING.equals(changed.type()) || !Objects.equals(changed.endAt(), current.endAt())
                ? changed.endAt()
                : null;
        return new ActivityFields(
                changed.type(),
                changed.subject(),
                body,
                changed.dueAt(),
                endAt,
                changed.done(),
                changed.ownerId(),
                changed.links());
    }

    private Activity current(UUID id) {
        return store.findVisible(id, team.recordScope())
                .filter(a -> a.deletedAt() == null)
                .orElseThrow(() -> new NotFound("activity"));
    }

    private CheckedActivity check(ActivityFields fields, Set<ActivityLink> linked) {
        return store.check(
                fields,
                team.memberIds(),
                linked,
                link -> records.find(link.type(), link.id()).isPresent());
    }
}
