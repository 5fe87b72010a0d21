package io.team365.core.web;

import java.util.List;

/** A page of a list, as every API list answers: {@code {"data": [...], "nextCursor": "…" | null}}. */
public record ListPage<T>(List<T> data, String nextCursor) {

    public static <T> ListPage<T> complete(List<T> data) {
        return new ListPage<>(data, null);
    }
}
