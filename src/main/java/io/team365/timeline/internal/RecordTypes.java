package io.team365.timeline.internal;

import java.util.Map;

/** The record types that have a timeline, by the collection name their paths use. */
public final class RecordTypes {

    private static final Map<String, String> BY_COLLECTION =
            Map.of(
                    "contacts", "contact", "companies", "company", "leads", "lead", "deals", "deal", "activities", "activity");

    private RecordTypes() {}

    public static String ofCollection(String collection) {
        String type = BY_COLLECTION.get(collection);
        if (type == null) {
            throw new IllegalArgumentException("no timeline for " + collection);
        }
        return type;
    }
}
