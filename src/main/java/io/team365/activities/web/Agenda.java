package io.team365.activities.web;

import io.team365.activities.Activity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Open activities grouped the way a person plans a day, in their own time zone: overdue (due time passed), today
 * (due before midnight), upcoming, and those with no date. Empty groups are kept so their count shows zero.
 */
public record Agenda(List<Group> groups) {

    public record Group(String key, List<Activity> activities) {}

    public static Agenda of(List<Activity> activities, Instant now, ZoneId zone) {
        Instant tomorrow =
                LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        List<Activity> overdue = new ArrayList<>();
        List<Activity> today = new ArrayList<>();
        List<Activity> upcoming = new ArrayList<>();
        List<Activity> undated = new ArrayList<>();
        for (Activity activity : activities) {
            Instant due = activity.dueAt();
            if (due == null) {
                undated.add(activity);
            } else if (due.isBefore(now)) {
                overdue.add(activity);
            } else if (due.isBefore(tomorrow)) {
                today.add(activity);
            } else {
                upcoming.add(activity);
            }
        }
        return new Agenda(List.of(
                new Group("overdue", overdue),
                new Group("today", today),
                new Group("upcoming", upcoming),
                new Group("no-date", undated)));
    }

    /** Done activities are one list, most recently changed first. */
    public static Agenda done(List<Activity> activities) {
        return new Agenda(List.of(new Group("done", activities)));
    }

    public boolean isEmpty() {
        return groups.stream().allMatch(g -> g.activities().isEmpty());
    }
}
