package io.team365.contacts;

import java.time.LocalDate;

/** How many contacts were added in the week starting on {@code weekStart} (a Monday). */
public record WeekCount(LocalDate weekStart, int count) {}
