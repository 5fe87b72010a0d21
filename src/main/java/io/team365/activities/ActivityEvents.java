package io.team365.activities;

import io.team365.core.FieldChange;
import io.team365.core.FieldHistory;
import io.team365.core.RecordChanged;
import io.team365.identity.SignedInUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What activities put on timelines: their own history, and an entry on every record they are linked to when they
 * are created or completed, so a contact's timeline shows the calls, meetings, tasks and notes about them.
 */
@Component
class ActivityEvents {

    static final int SNIPPET = 200;

    private final ApplicationEventPublisher events;

    ActivityEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    void created(SignedInUser user, Activity activity) {
        changed(user, activity, "created", history(null, activity));
        onRecords(user, activity, "activity.created");
    }

    void completedOnRecords(SignedInUser user, Activity activity) {
        onRecords(user, activity, "activity.completed");
    }

    void changed(SignedInUser user, Activity activity, String kind, List<FieldChange> changes) {
        events.publishEvent(new RecordChanged(
                user.tenant(),
                "activity",
                activity.id(),
                activity.subject(),
                "activity." + kind,
                changes,
                user.userId(),
                user.name(),
                activity.updatedAt()));
    }

    private void onRecords(SignedInUser user, Activity activity, String kind) {
        List<FieldChange> summary = new ArrayList<>();
        summary.add(new FieldChange("type", null, activity.type()));
        if (activity.dueAt() != null) {
            summary.add(new FieldChange("dueAt", null, activity.dueAt().toString()));
        }
        if (activity.isNote() && !activity.snippet(SNIPPET).isEmpty()) {
            summary.add(new FieldChange("body", null, activity.snippet(SNIPPET)));
        }
        for (ActivityLink link : activity.links()) {
            events.publishEvent(new RecordChanged(
                    user.tenant(),
                    link.type(),
                    link.id(),
                    activity.subject(),
                    kind,
                    summary,
                    user.userId(),
                    user.name(),
                    activity.updatedAt()));
        }
    }

    /** The field history of a change; bodies only as snippets, since a timeline is no place for 100 000 characters. */
    static List<FieldChange> history(Activity before, Activity after) {
        List<FieldChange> changes = new ArrayList<>(FieldHistory.between(before, after)
                .compare("type", Activity::type)
                .compare("subject", Activity::subject)
                .compare("dueAt", Activity::dueAt)
                .compare("endAt", Activity::endAt)
                .compare("done", a -> a.done() ? "true" : null)
                .compare("ownerId", Activity::ownerId)
                .compare(
                        "links",
                        a -> a.links().stream()
                                .map(l -> l.type() + ":" + l.id())
                                .toList())
                .changes());
        String from = before == null ? "" : before.snippet(SNIPPET);
        String to = after.snippet(SNIPPET);
        if (!Objects.equals(before == null ? null : before.bodyText(), after.bodyText())) {
            changes.add(new FieldChange("body", from.isEmpty() ? null : from, to.isEmpty() ? null : to));
        }
        return changes;
    }
}
