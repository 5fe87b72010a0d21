package io.team365.search;

import io.team365.core.InvalidInput;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One search over contacts, companies, leads and deals of the current Client, as far as the signed-in person may see
 * them: exact email, phone and domain hits first, then names starting with the text, all words in any order, then
 * similar spelling; accents and case do not matter (ADR 0016).
 */
public interface RecordSearch {

    /** The longest text searched for. */
    int MAX_QUERY_LENGTH = 200;

    /** The most results of one kind. */
    int MAX_PER_KIND = 50;

    /**
     * At most {@code perKind} records of each of {@code kinds}, grouped by kind in {@link SearchKind} order, best first
     * within a kind.
     *
     * @throws InvalidInput when {@code q} is blank or longer than {@link #MAX_QUERY_LENGTH}, or {@code perKind} is
     *     outside 1 to {@link #MAX_PER_KIND}
     */
    List<SearchHit> find(String q, Set<SearchKind> kinds, int perKind, Locale locale);
}
