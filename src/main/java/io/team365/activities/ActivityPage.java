package io.team365.activities;

import java.util.List;

/** One page of activities and the cursor of the next page (null on the last). */
public record ActivityPage(List<Activity> activities, String nextCursor) {}
